import type { InjectView } from '../engine/run/run-view.ts';
import { senderForms } from '../i18n/sender.ts';
import { Glossed } from './glossary.tsx';
import { useI18n } from './i18n-context.tsx';
import type { ScenarioTexts } from './scenario-text.ts';

/** Messages released in the current step, oldest first; the newest is marked and announced politely. */
export function InjectsFeed({
  injects,
  startOfDay,
  texts,
}: {
  injects: readonly InjectView[];
  /** Seconds past midnight when the run started, to show each message's time of day. */
  startOfDay: number;
  texts: ScenarioTexts;
}) {
  const { t, lang, formatClock } = useI18n();
  const newest = injects.length - 1;
  return (
    <section class="messages" aria-labelledby="messages-heading">
      <h3 id="messages-heading" class="section-label">
        {t('play.messages')}
      </h3>
      {injects.length === 0 && <p class="muted">{t('play.noMessages')}</p>}
      {/* why: the log (a live region) wraps the list, so the messages stay a list for screen readers. */}
      <div
        class="feed-log"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-labelledby="messages-heading"
      >
        <ol class="feed">
          {injects.map((inj, i) => {
            const sender = senderForms(lang, texts.lang, texts.text(inj.fromKey));
            const channel = t(`play.channel.${inj.channel}`);
            return (
              <li
                key={`${inj.id}@${inj.at}`}
                class={`feed-item channel-${inj.channel}${i === newest ? ' feed-item-new' : ''}`}
              >
                <p class="feed-meta">
                  <ChannelIcon channel={inj.channel} />
                  <span class="feed-from" lang={texts.lang}>
                    {t('play.messageFrom', { channel, ...sender })}
                  </span>
                  <time class="feed-time">{formatClock(startOfDay + inj.at)}</time>
                  {i === newest && <span class="badge badge-blue badge-small">{t('play.newMessage')}</span>}
                </p>
                <p class="feed-text" lang={texts.lang}>
                  <Glossed text={texts.text(inj.textKey)} />
                </p>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}

const ICON_PATHS: Record<InjectView['channel'], string> = {
  radio: 'M9 2v5M7 7h10v14H7zM10 11h4M10 14h4M10 17h4',
  phone: 'M6 3h4l2 5-3 2a11 11 0 0 0 5 5l2-3 5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 4 5a2 2 0 0 1 2-2z',
  message: 'M4 5h16v11H9l-5 4z',
  report: 'M6 3h9l4 4v14H6zM9 11h7M9 15h7',
  media: 'M3 6h18v12H3zM7 10h6M7 14h10',
  observation: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
};

/** The icon of an inject channel; decorative, the channel is always named in words beside it. */
export function ChannelIcon({ channel }: { channel: InjectView['channel'] }) {
  return (
    <svg
      class="icon feed-icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={ICON_PATHS[channel]}
        stroke="currentColor"
        stroke-width="1.8"
        fill="none"
        stroke-linejoin="round"
      />
    </svg>
  );
}
