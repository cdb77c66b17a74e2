import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type { InboxInject, ParticipantView } from '../../engine/exercise/exercise-audience.ts';
import { CONTROL } from '../../engine/exercise/exercise-state.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import type { KeyValueStorage } from '../../progress/settings.ts';
import { AppFooter, AppHeader } from '../app-header.tsx';
import { elapsedText } from '../exercise/exercise-time-format.ts';
import { useI18n } from '../i18n-context.tsx';
import { ChannelIcon } from '../injects-feed.tsx';

/** A participant's view as the server sends it: the view and only its own words. */
export type RoomView = ParticipantView & { scenario: string; texts: Record<string, Record<string, string>> };
type Texts = Record<string, Record<string, string>>;
/** What the server answers a device: an error, or for a join the role's view or the roles to pick from. */
type ServerReply = { error?: string; role?: string | null; roles?: string[]; texts?: Texts; view?: RoomView };

const DEVICE_KEY = 'pocsim.device.v1';

/** This browser's device id for rooms: random, kept, so a reload or a new connection is the same device. */
export function deviceId(storage: KeyValueStorage | undefined): string {
  try {
    const kept = storage?.getItem(DEVICE_KEY);
    if (kept && /^[A-Za-z0-9_-]{8,64}$/.test(kept)) return kept;
  } catch {
    // fall through: a new id for this session
  }
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const id = `d-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  try {
    storage?.setItem(DEVICE_KEY, id);
  } catch {
    // the id lasts this session only
  }
  return id;
}

type Phase =
  | { name: 'code'; error?: string }
  | { name: 'joining' }
  | { name: 'role'; roles: string[]; texts: Texts; error?: string }
  | { name: 'inbox'; view: RoomView }
  | { name: 'removed' };

/** A participant's device: join a room with its code, get a role, read the role's injects, answer, message. */
export function ParticipantPage({
  code: given,
  storage,
  socketFactory = () => io({ reconnectionDelay: 500, reconnectionDelayMax: 2_000, timeout: 4_000 }),
}: {
  code: string | null;
  storage: KeyValueStorage | undefined;
  socketFactory?: () => Socket;
}) {
  const { t, lang } = useI18n();
  const device = useMemo(() => deviceId(storage), [storage]);
  const [code, setCode] = useState(given ?? '');
  const [phase, setPhase] = useState<Phase>(given ? { name: 'joining' } : { name: 'code' });
  const [online, setOnline] = useState(true);
  const socketRef = useRef<Socket | null>(null);
  const joinedCode = useRef<string | null>(null);

  /** Settles once the device has joined its room again after the last (re)connection. */
  const rejoined = useRef<Promise<unknown>>(Promise.resolve());

  const ask = (name: string, msg: unknown) =>
    socketRef
      .current!.timeout(6_000)
      .emitWithAck(name, msg)
      .catch(() => ({ error: t('rooms.join.noAnswer') })) as Promise<ServerReply>;

  // why: an answer or message given while the device reconnects (a dropped Wi-Fi, a server
  // restart) waits until it is back in its room, instead of failing on a room that no longer knows it.
  const askInRoom = async (name: string, msg: unknown) => {
    const socket = socketRef.current!;
    if (!socket.connected) await onceConnected(socket, RECONNECT_WAIT_MS);
    await rejoined.current;
    return ask(name, msg);
  };

  const join = async (c: string, role?: string) => {
    const r = await ask('device.join', { code: c, device, ...(role ? { role } : {}) });
    if (r.error) {
      joinedCode.current = null;
      setPhase({
        name: 'code',
        error: r.error === 'no open exercise has this code' ? t('rooms.join.badCode') : r.error,
      });
      return;
    }
    joinedCode.current = c;
    if (!r.role) setPhase({ name: 'role', roles: r.roles ?? [], texts: r.texts ?? {} });
    else if (r.view) setPhase({ name: 'inbox', view: r.view });
    if (typeof history !== 'undefined' && location.hash !== `#join/${c}`)
      history.replaceState(null, '', `#join/${c}`);
  };

  useEffect(() => {
    const socket = socketFactory();
    socketRef.current = socket;
    // why: after a drop (or a server restart) the device joins again and gets its whole view: what
    // it missed arrives in order, once, since the view replaces the old one.
    socket.on('connect', () => {
      setOnline(true);
      if (joinedCode.current) rejoined.current = join(joinedCode.current);
    });
    socket.on('disconnect', () => setOnline(false));
    socket.on('connect_error', () => setOnline(false));
    socket.on('view', (view: RoomView) =>
      setPhase((p) => (p.name === 'inbox' ? { name: 'inbox', view } : p)),
    );
    socket.on('assigned', ({ role }: { role: string | null }) => {
      if (!role) setPhase({ name: 'removed' });
      else if (joinedCode.current) void join(joinedCode.current);
    });
    if (given) {
      joinedCode.current = given.toUpperCase();
      if (socket.connected) void join(joinedCode.current);
    }
    return () => {
      socket.close();
    };
  }, []);

  let body: ComponentChildren;
  if (phase.name === 'code' || phase.name === 'joining') {
    body = (
      <form
        class="card room-join-form"
        onSubmit={(e) => {
          e.preventDefault();
          const c = code.trim().toUpperCase();
          if (!c) return;
          setPhase({ name: 'joining' });
          void join(c);
        }}
      >
        <h1>{t('rooms.join.heading')}</h1>
        <p class="muted">{t('rooms.join.intro')}</p>
        <label class="room-field">
          <span>{t('rooms.join.code')}</span>
          <input
            class="room-code-input"
            value={code}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={20}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </label>
        {phase.name === 'code' && phase.error && (
          <p class="room-alert" role="alert">
            {phase.error}
          </p>
        )}
        <button
          type="submit"
          class="button button-primary button-large room-touch"
          disabled={phase.name === 'joining'}
        >
          {t(phase.name === 'joining' ? 'rooms.join.joining' : 'rooms.join.submit')}
        </button>
      </form>
    );
  } else if (phase.name === 'role') {
    body = (
      <section class="card room-roles" aria-labelledby="roles-h">
        <h1 id="roles-h">{t('rooms.join.pickRole')}</h1>
        <p class="muted">{phase.texts[pickLang(lang)]?.[textKey.title()]}</p>
        <ul class="room-role-list">
          {phase.roles.map((r) => (
            <li key={r}>
              <button
                type="button"
                class="button button-secondary room-touch room-role"
                onClick={() => void join(joinedCode.current!, r)}
              >
                {word(phase.texts, pickLang(lang), textKey.exerciseRole(r))}
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  } else if (phase.name === 'removed') {
    body = (
      <section class="card" role="alert">
        <h1>{t('rooms.inbox.removedHeading')}</h1>
        <p>{t('rooms.inbox.removed')}</p>
      </section>
    );
  } else {
    body = <Inbox view={phase.view} online={online} ask={askInRoom} />;
  }
  return (
    <>
      <AppHeader sound={false} />
      <main id="main" class="page room-page">
        {!online && (
          <p class="room-alert room-offline" role="status">
            {t('rooms.inbox.offline')}
          </p>
        )}
        {body}
      </main>
      <AppFooter />
    </>
  );
}

/** How long an answer waits for a dropped connection to come back before it says so. */
const RECONNECT_WAIT_MS = 30_000;

/** Resolves when the socket connects, or after `ms` (the ask then fails with its own message). */
function onceConnected(socket: Socket, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      socket.off('connect', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    socket.on('connect', done);
  });
}

function pickLang(lang: string): 'en' | 'fr' {
  return lang === 'fr' ? 'fr' : 'en';
}

function word(texts: Texts, lang: 'en' | 'fr', key: string): string {
  return texts[lang]?.[key] ?? texts.en?.[key] ?? key;
}

function Inbox({
  view,
  online,
  ask,
}: {
  view: RoomView;
  online: boolean;
  ask: (name: string, msg: unknown) => Promise<ServerReply>;
}) {
  const { t, lang: uiLang } = useI18n();
  const lang = pickLang(uiLang);
  const w = (key: string) => word(view.texts, lang, key);
  const roleName = (id: string) => (id === CONTROL ? t('rooms.control') : w(textKey.exerciseRole(id)));
  const injects = [...view.injects].reverse();
  const roles = Object.keys(view.texts.en ?? {})
    .map((k) => /^exercise\.roles\.(.+)\.name$/.exec(k)?.[1])
    .filter((r): r is string => !!r && r !== view.role);
  // why: a new radio call speaks on its own (once), as the play screen does; others stay silent.
  const heard = useRef<Set<string> | null>(null);
  useEffect(() => {
    const first = heard.current === null;
    heard.current ??= new Set();
    for (const i of view.injects) {
      if (heard.current.has(i.inject)) continue;
      heard.current.add(i.inject);
      if (!first && i.voices?.length) void playVoice(view, i, lang);
    }
  }, [view.injects.length]);
  return (
    <div class="room-inbox">
      <header class="room-inbox-head">
        <h1>{t('rooms.inbox.heading', { role: roleName(view.role) })}</h1>
        <p class="muted">
          {w(textKey.title())} · {t(`rooms.status.${view.status}`)} · {elapsedText(view.time)}
          {online ? '' : ` · ${t('rooms.inbox.offlineShort')}`}
        </p>
      </header>
      {view.discussion && (
        <section class="card room-discussion" aria-labelledby="disc-h">
          <h2 id="disc-h">{t('rooms.inbox.discussion', { module: w(view.discussion.titleKey) })}</h2>
          <ol>
            {view.discussion.questions.map((q) => (
              <li key={q.id}>{w(q.textKey)}</li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="inbox-h">
        <h2 id="inbox-h" class="section-label">
          {t('rooms.inbox.injects', { count: injects.length })}
        </h2>
        {injects.length === 0 && <p class="card muted">{t('rooms.inbox.empty')}</p>}
        <ol class="room-injects">
          {injects.map((i) => (
            <li key={i.inject} class="card room-inject" data-inject={i.inject}>
              <p class="room-inject-meta">
                <span class="room-channel">
                  <ChannelIcon channel={i.channel as 'radio'} />
                  {t(`play.channel.${i.channel}`)}
                </span>
                <span>{w(i.fromKey)}</span>
                <span>{elapsedText(i.at)}</span>
                <span class={i.public ? 'room-badge' : 'room-badge room-badge-own'}>
                  {t(i.public ? 'rooms.inbox.public' : 'rooms.inbox.own')}
                </span>
              </p>
              <h3>{w(i.titleKey)}</h3>
              <p>{w(i.textKey)}</p>
              {i.voices?.length ? (
                <button
                  type="button"
                  class="button button-secondary room-touch"
                  onClick={() => void playVoice(view, i, lang)}
                >
                  {t('rooms.inbox.play')}
                </button>
              ) : null}
              {i.step && <Answer view={view} inject={i} w={w} ask={ask} />}
            </li>
          ))}
        </ol>
      </section>
      <Messages view={view} roles={roles} roleName={roleName} ask={ask} />
    </div>
  );
}

async function playVoice(view: RoomView, i: InboxInject, lang: string) {
  const { voiceUrl } = await import('../../audio/voice-urls.ts');
  for (const inject of i.voices ?? []) {
    const url = voiceUrl({ scenario: view.scenario, inject, lang });
    if (url) {
      await new Audio(url).play().catch(() => undefined);
      return;
    }
  }
}

function Answer({
  view,
  inject,
  w,
  ask,
}: {
  view: RoomView;
  inject: InboxInject;
  w: (key: string) => string;
  ask: (name: string, msg: unknown) => Promise<ServerReply>;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const given = view.answers.filter((a) => a.step === inject.step);
  const pick = inject.pick ?? 1;
  const send = async (msg: { options?: string[]; text?: string }) => {
    setSending(true);
    const r = await ask('participant.answer', { step: inject.step, ...msg });
    setSending(false);
    if (r.error) setError(r.error);
    else {
      setError(null);
      setChosen([]);
      setText('');
    }
  };
  return (
    <div class="room-answer">
      {inject.promptKey && <p class="room-prompt">{w(inject.promptKey)}</p>}
      {given.map((a) => (
        <p key={a.id} class="room-given">
          {t('rooms.inbox.answered', { time: elapsedText(a.at) })}{' '}
          <strong>{a.text ?? a.options.map((o) => w(textKey.optionLabel(o))).join(' + ')}</strong>
        </p>
      ))}
      <fieldset class="room-options">
        <legend class="visually-hidden">{t('rooms.inbox.options', { count: pick })}</legend>
        {(inject.options ?? []).map((o) => {
          const on = chosen.includes(o);
          return (
            <button
              key={o}
              type="button"
              class={`button room-touch room-option${on ? ' is-chosen' : ''}`}
              aria-pressed={on}
              data-option={o}
              onClick={() =>
                setChosen((c) => (on ? c.filter((x) => x !== o) : pick === 1 ? [o] : [...c, o].slice(-pick)))
              }
            >
              {w(textKey.optionLabel(o))}
            </button>
          );
        })}
      </fieldset>
      <button
        type="button"
        class="button button-primary room-touch room-send-answer"
        disabled={sending || chosen.length === 0}
        onClick={() => void send({ options: chosen })}
      >
        {t('rooms.inbox.sendAnswer')}
      </button>
      <details class="room-free">
        <summary class="room-touch">{t('rooms.inbox.freeText')}</summary>
        <textarea
          class="room-text"
          maxLength={4000}
          value={text}
          aria-label={t('rooms.inbox.freeText')}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button
          type="button"
          class="button button-secondary room-touch"
          disabled={sending || !text.trim()}
          onClick={() => void send({ text: text.trim() })}
        >
          {t('rooms.inbox.sendText')}
        </button>
      </details>
      {error && (
        <p class="room-alert" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Messages({
  view,
  roles,
  roleName,
  ask,
}: {
  view: RoomView;
  roles: string[];
  roleName: (id: string) => string;
  ask: (name: string, msg: unknown) => Promise<ServerReply>;
}) {
  const { t } = useI18n();
  const [to, setTo] = useState(CONTROL);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <section class="card room-messages" aria-labelledby="msg-h">
      <h2 id="msg-h">{t('rooms.inbox.messages')}</h2>
      <ol class="room-message-list">
        {[...view.messages].reverse().map((m) => (
          <li key={m.id} class={m.from === view.role ? 'is-mine' : ''}>
            <span class="muted">
              {elapsedText(m.at)} · {roleName(m.from)} → {roleName(m.to)}
            </span>
            <p>{m.text}</p>
          </li>
        ))}
      </ol>
      <form
        class="room-message-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!text.trim()) return;
          const r = await ask('participant.message', { to, text: text.trim() });
          if (r.error) setError(r.error);
          else {
            setError(null);
            setText('');
          }
        }}
      >
        <label class="room-field">
          <span>{t('rooms.inbox.to')}</span>
          <select class="room-touch" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
            {[CONTROL, ...roles].map((r) => (
              <option key={r} value={r}>
                {roleName(r)}
              </option>
            ))}
          </select>
        </label>
        <label class="room-field">
          <span>{t('rooms.inbox.message')}</span>
          <textarea
            class="room-text"
            maxLength={4000}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button button-primary room-touch" disabled={!text.trim()}>
          {t('rooms.inbox.send')}
        </button>
        {error && (
          <p class="room-alert" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
