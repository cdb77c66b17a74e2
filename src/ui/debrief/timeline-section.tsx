import type { TimelineItem } from '../../engine/score/report-model.ts';
import { useI18n } from '../i18n-context.tsx';
import { type ReportContext, timelineText } from './report-text.ts';

const GLYPH: Record<TimelineItem['kind'], string> = {
  step: '▸',
  inject: '✉',
  decision: '●',
  timeout: '⏱',
  ending: '■',
};

/** Every step, inject, decision (with its latency) and time-out of the run, at its time of day. */
export function TimelineSection({ items, ctx }: { items: readonly TimelineItem[]; ctx: ReportContext }) {
  const { t } = useI18n();
  return (
    <section class="card timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('report.sections.timeline')}</h2>
      <p class="muted">{t('report.timeline.intro')}</p>
      <ol class="timeline-list">
        {items.map((item, i) => {
          const { kind, text } = timelineText(ctx, item);
          return (
            <li key={i} class={`timeline-item timeline-${item.kind}`}>
              <time class="timeline-clock">{item.clock}</time>
              <span class="timeline-kind">
                <span class="timeline-glyph" aria-hidden="true">
                  {GLYPH[item.kind]}
                </span>{' '}
                {kind}
              </span>
              <span class="timeline-text" lang={item.kind === 'step' ? ctx.textLang : undefined}>
                {text}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
