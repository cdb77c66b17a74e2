import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/i18n.ts';
import { useI18n } from './i18n-context.tsx';

/** App-wide preferences the header controls: UI language and sound. */
export interface Preferences {
  muted: boolean;
  /** Master volume, 0 to 1. */
  volume: number;
  setLanguage(lang: UiLanguage): void;
  setMuted(muted: boolean): void;
  setVolume(volume: number): void;
}

export const PreferencesContext = createContext<Preferences | null>(null);

function usePreferences(): Preferences {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences() needs a PreferencesContext provider');
  return value;
}

/** Two buttons, one per UI language; the current one is pressed. */
export function LanguageSwitch() {
  const { lang, t } = useI18n();
  const { setLanguage } = usePreferences();
  return (
    <fieldset class="segmented">
      <legend class="visually-hidden">{t('app.language')}</legend>
      {(Object.keys(UI_LANGUAGES) as UiLanguage[]).map((l) => (
        <button
          key={l}
          type="button"
          class="segmented-option"
          lang={l}
          aria-pressed={l === lang}
          onClick={() => setLanguage(l)}
        >
          {UI_LANGUAGES[l]}
        </button>
      ))}
    </fieldset>
  );
}

/** Sound on/off as a switch, with the volume beside it; the state is shown in words and by the icon, not by colour. */
export function SoundToggle() {
  const { t, formatNumber } = useI18n();
  const { muted, setMuted, volume, setVolume } = usePreferences();
  const percent = Math.round(volume * 100);
  return (
    <span class="sound-controls">
      <button
        type="button"
        class="tool-button"
        role="switch"
        aria-checked={!muted}
        aria-label={t('audio.sound')}
        onClick={() => setMuted(!muted)}
      >
        <SpeakerIcon muted={muted} />
        <span aria-hidden="true">
          {t('audio.soundState', { state: muted ? t('audio.off') : t('audio.on') })}
        </span>
      </button>
      <input
        type="range"
        class="volume"
        min={0}
        max={100}
        step={10}
        value={percent}
        disabled={muted}
        aria-label={t('audio.volume')}
        aria-valuetext={t('audio.volumeValue', { percent: formatNumber(percent) })}
        onInput={(e) => setVolume(Number((e.currentTarget as HTMLInputElement).value) / 100)}
      />
    </span>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d={open ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'}
        stroke="currentColor"
        stroke-width="2"
        fill="none"
      />
    </svg>
  );
}

function SpeakerIcon({ muted }: { muted: boolean }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      {muted ? (
        <path d="M16 9l5 6M21 9l-5 6" stroke="currentColor" stroke-width="2" fill="none" />
      ) : (
        <path
          d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
          stroke="currentColor"
          stroke-width="2"
          fill="none"
        />
      )}
    </svg>
  );
}

/** The product mark: a sober shield with the product name. */
export function Brand() {
  const { t } = useI18n();
  return (
    <div class="brand">
      <svg class="brand-mark" viewBox="0 0 32 32" width="30" height="30" aria-hidden="true" focusable="false">
        <path d="M16 2l12 4.5v9c0 7.2-5 12.6-12 14.5C9 28.1 4 22.7 4 15.5v-9z" fill="currentColor" />
        <path
          d="M10.5 16.5l3.8 3.8 7.4-8"
          stroke="#fff"
          stroke-width="2.6"
          fill="none"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
      <span class="brand-text">
        <span class="brand-name">{t('app.name')}</span>
        <span class="brand-tagline">{t('app.tagline')}</span>
      </span>
    </div>
  );
}

/**
 * The top bar of every screen: brand, screen-specific content, then tools and the app-wide
 * controls; `status` adds a second row (the play screen's title, phase, clock and captions).
 */
export function AppHeader({
  children,
  tools,
  status,
  sound = true,
}: {
  children?: ComponentChildren;
  tools?: ComponentChildren;
  status?: ComponentChildren;
  /** Whether the sound control shows; screens that play no sound (the facilitator console) leave it out. */
  sound?: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  // why: on a phone the tools sit behind one button; Escape closes them and gives focus back.
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      menu.current?.parentElement?.querySelector<HTMLButtonElement>('.topbar-menu-button')?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <header class="topbar">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div class="topbar-inner">
        <Brand />
        <div class="topbar-center">{children}</div>
        {/* why: on small screens the header collapses to a compact bar; the tools, language and sound
            open from this button (CSS shows it only there), so the decision keeps the screen. */}
        <button
          type="button"
          class="tool-button topbar-menu-button"
          aria-expanded={open}
          aria-controls="topbar-tools"
          onClick={() => setOpen(!open)}
        >
          <MenuIcon open={open} />
          {t('app.menuButton')}
        </button>
        <div id="topbar-tools" ref={menu} class={`topbar-tools${open ? ' is-open' : ''}`}>
          {tools}
          {sound && <SoundToggle />}
          <LanguageSwitch />
        </div>
      </div>
      {status && (
        <div class="topbar-status">
          <div class="topbar-status-inner">{status}</div>
        </div>
      )}
    </header>
  );
}

/** The footer shared by the screens: where the doctrine comes from. */
export function AppFooter() {
  const { t } = useI18n();
  return (
    <footer class="app-footer">
      <p>{t('app.footer')}</p>
    </footer>
  );
}
