import type { SoundCue } from '../audio/audio-port.ts';
import { useI18n } from './i18n-context.tsx';

/** A sound the app played, as shown in the caption area. */
export interface Caption {
  /** Increasing number, unique within a run. */
  n: number;
  cue: SoundCue;
  /** Scenario time of day when it played. */
  timeOfDay: string;
  /** For a voiced radio call: who spoke and what was said, so the caption carries the words. */
  said?: { from: string; text: string };
}

/** Text captions for every sound played, newest last; shown whether sound is on or off. */
export function Captions({ captions }: { captions: readonly Caption[] }) {
  const { t } = useI18n();
  return (
    <section class="captions" aria-labelledby="captions-heading">
      <h2 id="captions-heading" class="captions-label">
        <CaptionIcon />
        <span class="visually-hidden">{t('audio.captionsHeading')}</span>
      </h2>
      {captions.length === 0 ? (
        <p class="captions-empty">{t('audio.noCaptions')}</p>
      ) : (
        <ol class="caption-list">
          {captions.map((c, i) => {
            const latest = i === captions.length - 1;
            const text = c.said ? t('audio.voiced', c.said) : t(`audio.caption.${c.cue}`);
            // why: the newest caption wraps (to two lines on a phone), the one before keeps to one line,
            // so the header stays short; the whole text stays in the tooltip, for screen readers and
            // in the messages list.
            return (
              <li key={c.n} class={`caption${latest ? ' caption-latest' : ' caption-older'}`}>
                <time class="caption-time">{c.timeOfDay}</time>
                <span class="caption-text" title={text}>
                  {text}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function CaptionIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <rect x="3" y="5" width="18" height="14" rx="2" stroke="currentColor" stroke-width="2" fill="none" />
      <path d="M7 12h4M13 12h4M7 15h7" stroke="currentColor" stroke-width="2" />
    </svg>
  );
}
