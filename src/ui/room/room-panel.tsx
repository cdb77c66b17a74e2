import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type { Exercise } from '../../engine/exercise/exercise-log.ts';
import { CONTROL, type ExerciseState } from '../../engine/exercise/exercise-state.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import type { KeyValueStorage } from '../../progress/settings.ts';
import { openSyncPort, type RoomJoin } from '../exercise/exercise-sync.ts';
import { exerciseClockFace } from '../exercise/exercise-time-format.ts';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';
import { QrCode } from './qr-code.tsx';
import './room-strings.ts';
import { type LinkStatus, RoomLink, type RoomRecord, readRoom, writeRoom } from './room-link.ts';

/** A socket to the server this page came from; reconnects on its own, quickly, for a LAN. */
export function roomSocket(): Socket {
  return io({ reconnectionDelay: 500, reconnectionDelayMax: 2_000, timeout: 4_000 });
}

/** Where devices open the room: the server's LAN address when this page is on the laptop itself. */
export function joinAddress(record: Pick<RoomRecord, 'addresses'>, here: string): string {
  const local = /^https?:\/\/(localhost|127\.[\d.]+|\[::1\])(:\d+)?/.test(here);
  return local && record.addresses[0] ? record.addresses[0] : `${new URL(here).origin}/`;
}

/** The console's room: open it, show how to join, see devices and move or remove them, see answers come in. */
export function RoomPanel({
  exercise,
  state,
  texts,
  storage,
  discussion,
}: {
  exercise: Exercise;
  state: ExerciseState;
  texts: ScenarioTexts;
  storage: KeyValueStorage | undefined;
  discussion: string | null;
}) {
  const { t } = useI18n();
  const scenario = exercise.scenario;
  const [link, setLink] = useState<RoomLink | null>(null);
  const [status, setStatus] = useState<LinkStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [show, setShow] = useState(true);
  const socketRef = useRef<Socket | null>(null);

  const start = (record: RoomRecord, socket: Socket) => {
    const l = new RoomLink(
      exercise,
      socket,
      record,
      (r) => writeRoom(storage, scenario.id, r),
      (s) => setStatus({ ...s }),
    );
    setLink(l);
    setStatus({ ...l.status });
  };

  // why: a console reloaded mid-exercise goes back to its room at once.
  useEffect(() => {
    const record = readRoom(storage, scenario.id);
    if (!record) return;
    // why: a console started afresh has a shorter log than its room: that room belongs to the
    // earlier run (its log is on the server), so the new run starts without it.
    if (exercise.log.length < record.localLen) {
      writeRoom(storage, scenario.id, null);
      return;
    }
    const socket = roomSocket();
    socketRef.current = socket;
    start(record, socket);
    return () => undefined;
  }, []);
  useEffect(
    () => () => {
      link?.stop();
    },
    [link],
  );
  useEffect(() => () => void socketRef.current?.close(), []);

  const openRoom = async () => {
    setBusy(true);
    setProblem(null);
    const socket = socketRef.current ?? roomSocket();
    socketRef.current = socket;
    const r = (await socket
      .timeout(5_000)
      .emitWithAck('room.open', { scenario: scenario.id })
      .catch(() => null)) as {
      room?: string;
      code?: string;
      key?: string;
      addresses?: string[];
      error?: string;
    } | null;
    setBusy(false);
    if (!r?.room || !r.code || !r.key) {
      socket.close();
      socketRef.current = null;
      setProblem(r?.error ?? t('rooms.console.noServer'));
      return;
    }
    const record: RoomRecord = {
      room: r.room,
      code: r.code,
      key: r.key,
      addresses: r.addresses ?? [],
      count: 0,
      cseq: 0,
      pending: [],
      localLen: 0,
    };
    writeRoom(storage, scenario.id, record);
    start(record, socket);
  };

  const closeRoom = async () => {
    if (!link || !confirm(t('rooms.console.closeConfirm'))) return;
    await link.control('control.close', {});
    link.stop();
    writeRoom(storage, scenario.id, null);
    socketRef.current?.close();
    socketRef.current = null;
    setLink(null);
    setStatus(null);
  };

  useEffect(() => {
    if (link && status?.state === 'online') void link.control('control.discussion', { module: discussion });
  }, [link, discussion, status?.state]);

  const record = link?.room;
  const address = record && typeof location !== 'undefined' ? joinAddress(record, location.href) : '';
  const join: RoomJoin | null = record
    ? { link: `${address}#join/${record.code}`, address, code: record.code, show }
    : null;
  const joinJson = JSON.stringify(join);
  // why: the projector window shows the join screen large, from what the console tells it.
  useEffect(() => {
    const port = openSyncPort();
    const post = () => port.post({ kind: 'room.join', exercise: scenario.id, join });
    post();
    const stop = port.listen((m) => {
      if (m.kind === 'projector.hello' && m.exercise === scenario.id) post();
    });
    return () => {
      stop();
      port.close();
    };
  }, [joinJson]);

  const roleName = (id: string) =>
    id === CONTROL ? t('rooms.control') : texts.text(textKey.exerciseRole(id));
  const feed = useMemo(() => answerFeed(state), [state]);

  if (!link || !record || !status) {
    return (
      <section class="card room-panel" aria-labelledby="room-h">
        <h2 id="room-h">{t('rooms.console.heading')}</h2>
        <p class="muted">{t('rooms.console.intro')}</p>
        <button
          type="button"
          class="button button-primary room-open"
          disabled={busy}
          onClick={() => void openRoom()}
        >
          {t('rooms.console.open')}
        </button>
        {problem && (
          <p class="xc-alert xc-alert-bad" role="alert">
            {problem}
          </p>
        )}
      </section>
    );
  }
  const devices = Object.entries(status.devices);
  return (
    <section class="card room-panel" aria-labelledby="room-h">
      <h2 id="room-h">{t('rooms.console.heading')}</h2>
      <p class={`room-state room-state-${status.state}`} role="status">
        {t(`rooms.console.state.${status.state}`)}
        {status.waiting > 0 && ` · ${t('rooms.console.waiting', { count: status.waiting })}`}
        {status.refused > 0 && ` · ${t('rooms.console.refused', { count: status.refused })}`}
      </p>
      <div class="room-cols">
        <div class="room-col">
          <div class="room-join">
            <QrCode text={join!.link} label={t('rooms.join.qr')} class="qr-code room-qr" />
            <dl>
              <dt>{t('rooms.join.address')}</dt>
              <dd class="room-address">{address}</dd>
              <dt>{t('rooms.join.code')}</dt>
              <dd class="room-code">{record.code}</dd>
            </dl>
          </div>
          <label class="xc-pin">
            <input type="checkbox" checked={show} onChange={(e) => setShow(e.currentTarget.checked)} />
            {t('rooms.console.showOnProjector')}
          </label>
        </div>
        <div class="room-col">
          <h3>{t('rooms.console.devices', { count: devices.length })}</h3>
          <p class="muted">{t('rooms.console.displays', { count: status.displays })}</p>
          {devices.length === 0 ? (
            <p class="muted">{t('rooms.console.noDevices')}</p>
          ) : (
            <ul class="room-devices">
              {devices.map(([device, role]) => (
                <li key={device} data-device={device}>
                  <span class="room-device-id">{device.slice(-6)}</span>
                  <select
                    class="xc-select"
                    aria-label={t('rooms.console.roleOf', { device: device.slice(-6) })}
                    value={role}
                    onChange={(e) =>
                      void link.control('control.assign', { device, role: e.currentTarget.value })
                    }
                  >
                    {scenario.exercise!.roles.map((r) => (
                      <option key={r.id} value={r.id}>
                        {roleName(r.id)}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    class="button button-secondary"
                    onClick={() => void link.control('control.assign', { device, role: null })}
                  >
                    {t('rooms.console.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('rooms.console.answers')}</h3>
          {feed.length === 0 ? (
            <p class="muted">{t('rooms.console.noAnswers')}</p>
          ) : (
            <ol class="room-feed">
              {feed.map((f) => (
                <li key={f.id} data-kind={f.kind}>
                  <span class="room-feed-time">{exerciseClockFace(scenario.startClock, f.at).timeOfDay}</span>{' '}
                  <strong>{roleName(f.from)}</strong>
                  {f.to && ` → ${roleName(f.to)}`}:{' '}
                  {f.text ?? f.options.map((o) => texts.text(textKey.optionLabel(o))).join(' + ')}
                </li>
              ))}
            </ol>
          )}
          <button type="button" class="button button-secondary" onClick={() => void closeRoom()}>
            {t('rooms.console.close')}
          </button>
        </div>
      </div>
    </section>
  );
}

interface FeedEntry {
  id: string;
  kind: 'decision' | 'message';
  at: number;
  from: string;
  to?: string;
  text?: string | undefined;
  options: string[];
}

/** Answers and messages of the room, newest first (the facilitator's own records among them). */
export function answerFeed(state: ExerciseState, limit = 8): FeedEntry[] {
  return [
    ...state.decisions.map(
      (d): FeedEntry => ({
        id: d.id,
        kind: 'decision',
        at: d.at,
        from: d.role,
        text: d.text,
        options: d.options,
      }),
    ),
    ...state.messages.map(
      (m): FeedEntry => ({
        id: m.id,
        kind: 'message',
        at: m.at,
        from: m.from,
        to: m.to,
        text: m.text,
        options: [],
      }),
    ),
  ]
    .sort((a, b) => b.at - a.at || b.id.localeCompare(a.id))
    .slice(0, limit);
}
