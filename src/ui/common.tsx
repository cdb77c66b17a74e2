import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AudienceRole } from '../engine/scenario/scenario.schema.ts';
import { useI18n } from './i18n-context.tsx';

/**
 * A ref for a heading that takes focus when it mounts and whenever `key` changes.
 * why: keyboard and screen-reader users are taken to the new content instead of staying on a
 * button that has just disappeared. A layout effect, so focus has moved before the new content is
 * painted: a quick Tab from the old position can never land on the new page and then be pulled back.
 */
export function useFocusHeading<T extends HTMLElement = HTMLHeadingElement>(key: unknown) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [key]);
  return ref;
}

/** Plain text split into paragraphs at blank lines; always rendered as text, never as HTML. */
export function Paragraphs({ text, class: className }: { text: string; class?: string }) {
  const parts = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {parts.map((p, i) => (
        <p key={i} class={className}>
          {p}
        </p>
      ))}
    </>
  );
}

/** A small clock, beside scenario durations and the scenario clock; decorative only. */
export function ClockIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" stroke="currentColor" stroke-width="2" fill="none" />
      <path d="M12 7v5l3 2" stroke="currentColor" stroke-width="2" fill="none" stroke-linecap="round" />
    </svg>
  );
}

/** The roles a scenario is written for, as chips. */
export function AudienceChips({ roles }: { roles: readonly AudienceRole[] }) {
  const { t } = useI18n();
  return (
    <ul class="chips">
      {roles.map((role) => (
        <li key={role} class="chip">
          {t(`menu.role.${role}`)}
        </li>
      ))}
    </ul>
  );
}

/** Drag-and-drop handlers for a zone that takes dropped files, and whether files are held over it. */
export function useDropZone(onDrop: (data: DataTransfer | null) => void): {
  over: boolean;
  handlers: Pick<JSX.HTMLAttributes<HTMLElement>, 'onDragEnter' | 'onDragOver' | 'onDragLeave' | 'onDrop'>;
} {
  const [over, setOver] = useState(false);
  return {
    over,
    handlers: {
      onDragEnter: (e) => {
        e.preventDefault();
        setOver(true);
      },
      onDragOver: (e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      },
      // why: leaving for a child of the zone is not leaving the zone.
      onDragLeave: (e) => {
        if (!(e.currentTarget as Node).contains(e.relatedTarget as Node | null)) setOver(false);
      },
      onDrop: (e) => {
        e.preventDefault();
        setOver(false);
        onDrop(e.dataTransfer);
      },
    },
  };
}
