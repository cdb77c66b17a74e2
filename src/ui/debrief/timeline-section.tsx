import type { TimelineItem } from '../../engine/score/report-model.ts';
import { useI18n } from '../i18n-context.tsx';
import { type ReportContext, timelineClockText, timelineText } from './report-text.ts';

const GLYPH: Record<TimelineItem['kind'], string> = {
  step: '▸',
  inject: '✉',
  decision: '●',
  timeout: '⏱',
  ending: '■',
};

/**
 * Every step, inject, decision (with its latency) and time-out of the run, at its time of day and,
 * for a run over several days, its scenario day (the page gives it a heading).
 */
export function TimelineSection({
  items,
  ctx,
  lastDay,
}: {
  items: readonly TimelineItem[];
  ctx: ReportContext;
  lastDay: number;
}) {
  const { t } = useI18n();
  return (
    <>
      <p class="muted">{t('report.timeline.intro')}</p>
      <ol class="timeline-list">
        {items.map((item, i) => {
          const { kind, text } = timelineText(ctx, item);
          return (
            <li key={i} class={`timeline-item timeline-${item.kind}`}>
              <time class={`timeline-clock${lastDay > 1 ? ' has-day' : ''}`}>
                {timelineClockText(ctx, item, lastDay)}
              </time>
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
    </>
  );
}
