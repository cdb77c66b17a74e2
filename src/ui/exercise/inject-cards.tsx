import { exerciseSeconds } from '../../engine/exercise/exercise-time.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { Paragraphs } from '../common.tsx';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';
import { ChannelMark } from './channel-mark.tsx';
import { elapsedText } from './exercise-time-format.ts';
import { useClockStamp } from './use-clock-stamp.ts';

// why: without a device per participant, role-only injects reach their roles on paper; one card
// per recipient and page, so the facilitator hands each leader only what that leader may know.

/** One printed card per role-only inject and recipient, A4, one per page, with time and recipient. */
export function InjectCards({
  bundle,
  texts,
  onPrint,
}: {
  bundle: ScenarioBundle;
  texts: ScenarioTexts;
  /** Prints the page (the print shelf names the document first). */
  onPrint(): void;
}) {
  const { t } = useI18n();
  const scenario = bundle.scenario;
  const stamp = useClockStamp(scenario.startClock);
  const cards = (scenario.exercise?.msel ?? [])
    .filter((m) => !m.projector)
    .flatMap((item) =>
      (item.to === 'all' ? (scenario.exercise?.roles ?? []).map((r) => r.id) : item.to).map((role) => ({
        item,
        role,
      })),
    );
  return (
    <section class="xpr-cards" aria-labelledby="xpr-heading">
      <div class="xpr-tools no-print">
        <h2 id="xpr-heading">{t('exerciseRecord.cards.heading', { count: cards.length })}</h2>
        <p class="muted">{t('exerciseRecord.cards.hint')}</p>
        <button type="button" class="button button-primary" onClick={onPrint}>
          {t('exerciseRecord.cards.print')}
        </button>
      </div>
      {cards.map(({ item, role }) => {
        const at = item.at === undefined ? undefined : exerciseSeconds(item.at);
        return (
          <article key={`${item.id}-${role}`} class="xpr-card" data-inject={item.id} data-role={role}>
            <p class="xpr-for">
              {t('exerciseRecord.cards.for')}{' '}
              <strong lang={texts.lang}>{texts.text(textKey.exerciseRole(role))}</strong>
            </p>
            <p class="xpr-meta">
              <span>
                {at === undefined
                  ? t('exerciseRecord.cards.contingency')
                  : `${t('exercise.time.elapsed', { time: elapsedText(at, t('exercise.time.dayUnit')) })} · ${stamp(at)}`}
              </span>{' '}
              · <ChannelMark channel={item.channel} /> ·{' '}
              <span lang={texts.lang}>
                {t('exercise.inject.from', { from: texts.text(textKey.mselFrom(item.id)) })}
              </span>
            </p>
            <h3 class="xpr-title" lang={texts.lang}>
              {texts.text(textKey.mselTitle(item.id))}
            </h3>
            <div class="xpr-text" lang={texts.lang}>
              <Paragraphs text={texts.text(textKey.mselText(item.id))} />
            </div>
            <p class="xpr-foot">{t('exerciseRecord.cards.foot', { title: texts.text(textKey.title()) })}</p>
          </article>
        );
      })}
    </section>
  );
}
