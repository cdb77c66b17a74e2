import { useEffect, useState } from 'preact/hooks';
import { io } from 'socket.io-client';
import { openSyncPort, type RoomJoin, type SyncPort } from '../exercise/exercise-sync.ts';
import { useI18n } from '../i18n-context.tsx';
import { QrCode } from './qr-code.tsx';
import './room-strings.ts';

/**
 * The projector's part in a room: it joins the room as a display (so the console counts it) and,
 * while the facilitator wants it, covers the wall with how to join: address, code and QR code.
 */
export function JoinScreen({ exercise, port: givenPort }: { exercise: string; port?: SyncPort | undefined }) {
  const { t } = useI18n();
  const [join, setJoin] = useState<RoomJoin | null>(null);
  useEffect(() => {
    const port = givenPort ?? openSyncPort();
    const stop = port.listen((m) => {
      if (m.kind === 'room.join' && m.exercise === exercise) setJoin(m.join);
    });
    port.post({ kind: 'projector.hello', exercise });
    return () => {
      stop();
      if (!givenPort) port.close();
    };
  }, [exercise, givenPort]);
  const code = join?.code ?? null;
  useEffect(() => {
    if (!code) return;
    const socket = io({ reconnectionDelay: 500, reconnectionDelayMax: 2_000 });
    const attach = () =>
      void socket
        .timeout(5_000)
        .emitWithAck('display.join', { code })
        .catch(() => undefined);
    // why: after a server restart the display joins again, so the console's count stays right.
    socket.on('connect', attach);
    return () => void socket.close();
  }, [code]);
  if (!join?.show) return null;
  return (
    <section class="room-screen" aria-labelledby="join-screen-h">
      <h1 id="join-screen-h">{t('rooms.join.screenHeading')}</h1>
      <QrCode text={join.link} label={t('rooms.join.qr')} class="qr-code room-screen-qr" />
      <dl>
        <dt>{t('rooms.join.address')}</dt>
        <dd class="room-screen-address">{join.address}</dd>
        <dt>{t('rooms.join.code')}</dt>
        <dd class="room-screen-code">{join.code}</dd>
      </dl>
      <p>{t('rooms.join.screenSteps')}</p>
    </section>
  );
}
