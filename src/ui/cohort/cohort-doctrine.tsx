import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { PHASES, TIERS } from '../../engine/doctrine/doctrine-entry.ts';
import type { BrokenDoctrine, CohortHeatmap, DecisionPaths } from '../../engine/results/cohort.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';
import { percent } from './cohort-model.ts';

const FIRST_BROKEN = 8;

export function MostBroken({ items, total }: { items: readonly BrokenDoctrine[]; total: number }) {
  const { t, lang } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST_BROKEN);
  return (
    <section class="card cohort-broken" aria-labelledby="cohort-broken-heading">
      <h2 id="cohort-broken-heading" class="cohort-section-heading" tabIndex={-1}>
        {t('cohort.broken.heading')}
      </h2>
      {items.length === 0 ? (
        <p class="muted">{t('cohort.broken.none')}</p>
      ) : (
        <>
          <p class="muted">{t('cohort.broken.intro')}</p>
          <ol class="broken-list">
            {shown.map((b) => (
              <li key={b.doctrine} class={`broken-item severity-${b.severity}`}>
                <div class="broken-text">
                  <span class={`severity-tag severity-tag-${b.severity}`}>
                    <span aria-hidden="true">{b.severity === 'critical' ? '⚠ ' : ''}</span>
                    {t(b.kind === 'do' ? 'cohort.broken.dutySeverity' : 'cohort.broken.severity', {
                      severity: t(`doctrine.severity.${b.severity}`),
                    })}
                  </span>
                  <span class="broken-summary">{b.summary?.[lang] ?? b.doctrine}</span>
                  <span class="section-ref">
                    {b.section ? t('doctrine.section', { section: b.section }) : ''} ·{' '}
                    <code>{b.doctrine}</code>
                  </span>
                </div>
                <div class="broken-figures">
                  <span class="bar-track" aria-hidden="true">
                    <span
                      class="bar-fill bar-fill-broken"
                      style={{ inlineSize: `${percent(b.runs, total)}%` }}
                    />
                  </span>
                  <span class="broken-count">
                    {t('cohort.broken.runs', { runs: b.runs, total })} ·{' '}
                    {t('cohort.broken.times', { count: b.times })}
                  </span>
                </div>
              </li>
            ))}
          </ol>
          {items.length > FIRST_BROKEN && (
            <button type="button" class="button button-link" aria-expanded={all} onClick={() => setAll(!all)}>
              {all
                ? t('cohort.broken.showFewer', { count: FIRST_BROKEN })
                : t('cohort.broken.showAll', { count: items.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

export function Heatmap({ heatmap }: { heatmap: CohortHeatmap }) {
  const { t, lang } = useI18n();
  const one = useMemo(
    () => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    [lang],
  );
  let maxBroken = 0;
  for (const tier of TIERS)
    for (const p of PHASES) maxBroken = Math.max(maxBroken, heatmap.cells[tier][p].meanBroken ?? 0);
  return (
    <section class="card cohort-heatmap" aria-labelledby="cohort-heatmap-heading">
      <h2 id="cohort-heatmap-heading" class="cohort-section-heading" tabIndex={-1}>
        {t('cohort.heatmap.heading')}
      </h2>
      <p class="muted">{t('cohort.heatmap.intro', { count: heatmap.runs })}</p>
      <div class="table-scroll">
        <table class="matrix cohort-matrix">
          <caption class="visually-hidden">{t('cohort.heatmap.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cohort.heatmap.tier')}</th>
              {PHASES.map((p) => (
                <th key={p} scope="col">
                  {t(`doctrine.phase.${p}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {TIERS.map((tier) => (
              <tr key={tier}>
                <th scope="row">{t(`doctrine.tier.${tier}`)}</th>
                {PHASES.map((p) => {
                  const c = heatmap.cells[tier][p];
                  if (c.runs === 0)
                    return (
                      <td key={p} class="heat-cell heat-empty">
                        <span aria-hidden="true">–</span>
                        <span class="visually-hidden">{t('cohort.heatmap.empty')}</span>
                      </td>
                    );
                  const heat = maxBroken ? (c.meanBroken ?? 0) / maxBroken : 0;
                  const followed = one.format(c.meanFollowed ?? 0);
                  const broken = one.format(c.meanBroken ?? 0);
                  return (
                    <td key={p} class="heat-cell" style={{ '--heat': heat.toFixed(2) }}>
                      <span class="heat-values" aria-hidden="true">
                        <span class="count-followed">✓ {followed}</span>
                        <span class="count-broken">✗ {broken}</span>
                      </span>
                      <span class="visually-hidden">
                        {t('cohort.heatmap.followed', { value: followed })},{' '}
                        {t('cohort.heatmap.broken', { value: broken })},{' '}
                      </span>
                      <span class="heat-runs">
                        {t('cohort.heatmap.runs', { count: c.runs, total: heatmap.runs })}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Paths({
  paths,
  total,
  texts,
}: {
  paths: readonly DecisionPaths[];
  total: number;
  texts: ScenarioTexts;
}) {
  const { t } = useI18n();
  return (
    <section class="cohort-paths" aria-labelledby="cohort-paths-heading">
      <h2 id="cohort-paths-heading" class="cohort-section-heading" tabIndex={-1}>
        {t('cohort.paths.heading')}
      </h2>
      <p class="muted">{t('cohort.paths.intro')}</p>
      <ol class="path-list">
        {paths.map((p) => (
          <li key={p.step}>
            <DecisionCard paths={p} total={total} texts={texts} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function DecisionCard({
  paths: p,
  total,
  texts,
}: {
  paths: DecisionPaths;
  total: number;
  texts: ScenarioTexts;
}) {
  const { t } = useI18n();
  const label = (ids: readonly string[]) => (
    <span class="combo" lang={texts.lang}>
      {ids.map((id, i) => (
        <span key={id} class="combo-part">
          {i > 0 && <span class="combo-and">{t('cohort.paths.and')}</span>}
          {texts.text(textKey.optionLabel(id))}
        </span>
      ))}
    </span>
  );
  const waitingIsBest = p.best.some((b) => b.length === 0);
  const headingId = `path-${p.step}`;
  return (
    <section class="card path-card" aria-labelledby={headingId}>
      <h3 id={headingId} class="path-title" lang={texts.lang}>
        {texts.text(textKey.stepTitle(p.step))}
      </h3>
      <p class="path-prompt" lang={texts.lang}>
        {texts.text(textKey.prompt(p.step))}
      </p>
      <p class="path-meta">
        <span class={`badge badge-neutral phase-${p.phase}`}>{t(`doctrine.phase.${p.phase}`)}</span>
        {p.timeLimit !== null && (
          <span class="badge badge-neutral">{t('cohort.paths.timed', { seconds: p.timeLimit })}</span>
        )}
        <span>{t('cohort.paths.reached', { runs: p.runs, total })}</span>
        {p.visits > 0 && (
          <span>
            {t('cohort.paths.bestTaken', {
              count: p.bestTaken,
              visits: p.visits,
              percent: percent(p.bestTaken, p.visits),
            })}
          </span>
        )}
      </p>
      {p.visits === 0 ? (
        <p class="muted">{t('cohort.paths.notReached')}</p>
      ) : (
        <>
          {p.mode === 'multi' && <p class="path-multi">{t('cohort.paths.multi', { pick: p.pick })}</p>}
          <ul class="bars">
            {p.choices.map((c) => (
              <Bar
                key={c.options.join('+')}
                label={label(c.options)}
                count={c.count}
                visits={p.visits}
                best={c.best}
              />
            ))}
            {p.canTimeOut && (
              <Bar
                label={t('cohort.paths.timedOut')}
                count={p.timedOut}
                visits={p.visits}
                best={waitingIsBest}
                timeout
              />
            )}
          </ul>
          {p.mode === 'multi' && (
            <details class="path-options">
              <summary>{t('cohort.paths.byOption')}</summary>
              <ul class="bars">
                {p.byOption.map((o) => (
                  <Bar
                    key={o.option}
                    label={label([o.option])}
                    count={o.count}
                    visits={p.visits}
                    best={p.best.some((b) => b.includes(o.option))}
                  />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

function Bar({
  label,
  count,
  visits,
  best,
  timeout = false,
}: {
  label: ComponentChildren;
  count: number;
  visits: number;
  best: boolean;
  timeout?: boolean;
}) {
  const { t } = useI18n();
  const share = percent(count, visits);
  return (
    <li class={`bar-row${best ? ' bar-best' : ''}${timeout ? ' bar-timeout' : ''}`}>
      <span class="bar-label">
        {label}
        {best && (
          <span class="badge badge-best">
            <span aria-hidden="true">★ </span>
            {t('cohort.paths.best')}
          </span>
        )}
      </span>
      <span class="bar-track" aria-hidden="true">
        <span class="bar-fill" style={{ inlineSize: `${share}%` }} />
      </span>
      <span class="bar-count">{t('cohort.paths.count', { count, visits, percent: share })}</span>
    </li>
  );
}
