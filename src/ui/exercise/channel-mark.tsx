import type { MselItem } from '../../engine/scenario/scenario.schema.ts';
import { useI18n } from '../i18n-context.tsx';
import { ChannelIcon } from '../injects-feed.tsx';

/** An inject's channel as icon and word, so the channel never rests on the icon alone. */
export function ChannelMark({ channel }: { channel: MselItem['channel'] }) {
  const { t } = useI18n();
  return (
    <span class={`xc-channel channel-${channel}`}>
      <ChannelIcon channel={channel} />
      {t(`play.channel.${channel}`)}
    </span>
  );
}
