import type { RunView } from '../engine/run/run-view.ts';
import { useI18n } from './i18n-context.tsx';
import type { ScenarioTexts } from './scenario-text.ts';

type VariableView = RunView['variables'][number];

/** How good a value is for civilians, 0 (worst) to 1 (best), from its bounds and direction. */
export function goodnessOf(v: VariableView): number {
  const span = v.max - v.min;
  const share = span > 0 ? (v.value - v.min) / span : 0;
  return v.better === 'higher' ? share : 1 - share;
}

/** World variables as labelled gauges: value out of max, which direction is better, change since the last step. */
export function VariableGauges({
  variables,
  changes,
  texts,
}: {
  variables: RunView['variables'];
  /** Change of each variable since the previous step, by id. */
  changes: Record<string, number>;
  texts: ScenarioTexts;
}) {
  const { t, formatNumber } = useI18n();
  return (
    <ul class="gauges">
      {variables.map((v) => {
        const goodness = goodnessOf(v);
        const level = goodness >= 0.6 ? 'good' : goodness >= 0.35 ? 'fair' : 'poor';
        const span = v.max - v.min;
        const fill = span > 0 ? ((v.value - v.min) / span) * 100 : 0;
        const delta = changes[v.id] ?? 0;
        const improved = v.better === 'higher' ? delta > 0 : delta < 0;
        return (
          <li key={v.id} class={`gauge gauge-${level}`}>
            <div class="gauge-head">
              <span class="gauge-name" lang={texts.lang}>
                {texts.text(v.nameKey)}
              </span>
              <span class="gauge-value">
                {t('play.gaugeValue', { value: formatNumber(v.value), max: formatNumber(v.max) })}
                {delta !== 0 && (
                  <span class={`gauge-delta ${improved ? 'delta-better' : 'delta-worse'}`}>
                    <span aria-hidden="true">
                      {delta > 0 ? '▲' : '▼'}
                      {formatNumber(Math.abs(delta))}
                    </span>
                    <span class="visually-hidden">
                      {t('play.change', {
                        delta: `${delta > 0 ? '+' : '−'}${formatNumber(Math.abs(delta))}, ${t(improved ? 'play.improved' : 'play.worsened')}`,
                      })}
                    </span>
                  </span>
                )}
              </span>
            </div>
            <div class="gauge-track" aria-hidden="true">
              <div class="gauge-fill" style={{ inlineSize: `${fill}%` }} />
            </div>
            <p class="gauge-direction">{t(`play.better.${v.better}`)}</p>
          </li>
        );
      })}
    </ul>
  );
}
