import { useI18n } from './i18n-context.tsx';

/** Seconds at which the countdown is announced to screen readers, besides its start. */
const ANNOUNCE_AT = new Set([30, 10]);

/** Time left on a timed decision: the seconds in words and a bar, never colour alone. */
export function Countdown({
  remaining,
  limit,
  paused,
  onPause,
}: {
  remaining: number;
  limit: number;
  paused: boolean;
  onPause?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const share = limit > 0 ? Math.max(0, Math.min(1, remaining / limit)) : 0;
  const level = share <= 0.2 ? 'critical' : share <= 0.5 ? 'warning' : 'ok';
  const announce = remaining === limit || ANNOUNCE_AT.has(remaining);
  return (
    <div class={`countdown countdown-${level}`}>
      <div class="countdown-text" role="timer" aria-live="off">
        <span class="countdown-label">{t('decision.timeLeft')}</span>
        <span class="countdown-value">
          <strong>{t('decision.remaining', { count: remaining })}</strong>{' '}
          <span class="muted">{t('decision.ofLimit', { limit })}</span>
        </span>
        {paused && <span class="badge badge-neutral">{t('decision.clockPaused')}</span>}
        {!paused && onPause && (
          <button type="button" class="button button-secondary countdown-pause" onClick={onPause}>
            {t('play.pause')}
          </button>
        )}
      </div>
      <div class="countdown-track" aria-hidden="true">
        <div class="countdown-bar" style={{ inlineSize: `${share * 100}%` }} />
      </div>
      <p class="visually-hidden" aria-live="polite">
        {announce ? t('decision.announce', { count: remaining }) : ''}
      </p>
      <p class="countdown-hint">{t('decision.timeUpHint')}</p>
    </div>
  );
}
