import { facilitatedMinutes, mselSpan, realMinutesAt } from '../../engine/exercise/exercise-timing.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { Paragraphs } from '../common.tsx';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';
import { elapsedText } from './exercise-time-format.ts';
import { Tags } from './side-panel.tsx';

/** What the facilitator reads before starting: the briefing, who sits at the table, the objectives. */
export function ExerciseOverview({
  bundle,
  texts,
  speed,
}: {
  bundle: ScenarioBundle;
  texts: ScenarioTexts;
  /** The clock speed chosen, scenario seconds per real second. */
  speed: number;
}) {
  const { t } = useI18n();
  const x = bundle.scenario.exercise;
  if (!x) return null;
  const span = elapsedText(mselSpan(bundle.scenario), t('exercise.time.dayUnit'));
  const budgeted = x.modules.length > 0 && x.modules.every((m) => m.minutes !== undefined);
  const injects = x.msel.filter((m) => !m.contingency).length;
  return (
    <section class="card xc-panel xc-overview" aria-labelledby="xc-overview-heading">
      <h2 id="xc-overview-heading" class="section-label">
        {t('exercise.overview.heading')}
      </h2>
      <p class="xc-overview-facts">
        {[
          t('exercise.overview.roleCount', { count: x.roles.length }),
          t('exercise.overview.moduleCount', { count: x.modules.length }),
          t('exercise.overview.injectCount', { count: injects }),
          t('exercise.overview.contingencyCount', { count: x.msel.length - injects }),
        ].join(' · ')}
      </p>
      <h3 class="xc-subhead">{t('exerciseRecord.timing.heading')}</h3>
      <p class="xc-overview-timing">
        {budgeted
          ? t('exerciseRecord.timing.planned', {
              minutes: facilitatedMinutes(bundle.scenario),
              modules: x.modules
                .map((m) =>
                  t('exerciseRecord.timing.moduleLine', {
                    title: texts.text(textKey.exerciseModule(m.id)),
                    minutes: m.minutes,
                  }),
                )
                .join('; '),
            })
          : t('exerciseRecord.timing.plannedNoBudget', { span })}{' '}
        <strong>
          {t('exerciseRecord.timing.atSpeed', {
            speed,
            span,
            minutes: realMinutesAt(bundle.scenario, speed),
          })}
        </strong>
      </p>
      <div class="xc-overview-briefing" lang={texts.lang}>
        <Paragraphs
          text={texts.text(x.briefing !== undefined ? textKey.exerciseBriefing() : textKey.briefing())}
        />
      </div>
      <h3 class="xc-subhead">{t('exercise.overview.roles')}</h3>
      <ul class="chips">
        {x.roles.map((r) => (
          <li key={r.id} class="chip" lang={texts.lang}>
            {texts.text(textKey.exerciseRole(r.id))}
          </li>
        ))}
      </ul>
      {x.objectives.length > 0 && (
        <>
          <h3 class="xc-subhead">{t('exercise.overview.objectives')}</h3>
          <ol class="xc-overview-objectives">
            {x.objectives.map((o) => (
              <li key={o.id}>
                <span lang={texts.lang}>{texts.text(textKey.exerciseObjective(o.id))}</span>
                <Tags tiers={o.tiers} phases={o.phases} doctrine={[]} />
              </li>
            ))}
          </ol>
        </>
      )}
      <p class="xc-overview-hint">{t('exercise.overview.hint')}</p>
    </section>
  );
}
