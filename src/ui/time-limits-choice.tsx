import { TIME_LIMIT_SETTINGS, type TimeLimitSetting } from '../engine/run/time-limits.ts';
import { useI18n } from './i18n-context.tsx';

/**
 * Extended time for timed decisions (WCAG 2.2.1 Timing Adjustable): standard, 1.5 times, twice, or
 * off. The choice goes into the run as its first event, so the debrief and the run file record it.
 */
export function TimeLimitsChoice({
  value,
  onChange,
}: {
  value: TimeLimitSetting;
  onChange(value: TimeLimitSetting): void;
}) {
  const { t } = useI18n();
  return (
    <fieldset class="time-limits">
      <legend class="subheading">{t('timeLimits.legend')}</legend>
      <p class="muted time-limits-hint" id="time-limits-hint">
        {t('timeLimits.hint')}
      </p>
      <div class="time-limits-options" aria-describedby="time-limits-hint">
        {TIME_LIMIT_SETTINGS.map((s) => (
          <label key={s} class={`time-limit${s === value ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name="time-limits"
              value={s}
              checked={s === value}
              onChange={() => onChange(s)}
            />
            <span>{t(`timeLimits.setting.${s.replace('.', '_')}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
