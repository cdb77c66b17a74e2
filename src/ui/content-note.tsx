import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContentTopic } from '../engine/scenario/scenario.schema.ts';
import { AppFooter, AppHeader } from './app-header.tsx';
import { useFocusHeading } from './common.tsx';
import './content-note.css';
import { useI18n } from './i18n-context.tsx';

/** A content note a run opens with: what the scenario deals with (none named when a trainer asked for it). */
export interface ContentNote {
  topics: readonly ContentTopic[];
}

/** The topics in words, joined the way the UI language joins a list ("a, b and c"). */
export function topicsText(t: TFunction, lang: string, topics: readonly ContentTopic[]): string {
  const words = topics.map((topic) => t(`contentNote.topic.${topic}`));
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(words);
}

/**
 * The note at the top of a briefing: what the scenario deals with, that a break is there at any
 * point, and a way back to the list before anything starts.
 */
export function ContentNotePanel({ note, onNotNow }: { note: ContentNote; onNotNow(): void }) {
  const { t, lang } = useI18n();
  const topics = topicsText(t, lang, note.topics);
  return (
    <section class="content-note" aria-labelledby="content-note-heading">
      <h2 id="content-note-heading" class="content-note-heading">
        <NoteIcon />
        {t('contentNote.heading')}
      </h2>
      <p class="content-note-topics">
        {note.topics.length > 0 ? t('contentNote.topics', { topics }) : t('contentNote.noTopics')}
      </p>
      <p>{t('contentNote.detail')}</p>
      <p>{t('contentNote.breakInfo', { button: t('contentNote.break.button') })}</p>
      <p class="content-note-support">{t('contentNote.support')}</p>
      <button type="button" class="button button-secondary" onClick={onNotNow}>
        {t('contentNote.notNow')}
      </button>
    </section>
  );
}

/**
 * "Take a break", in the top bar of every screen of a run with a content note: it opens a calm
 * dialog (the caller stops the clock while it is open) with a way out that keeps the run.
 */
export function TakeABreak({
  onLeave,
  onOpenChange,
}: {
  /** Leaves the run: it stays saved, nothing is scored for stopping. */
  onLeave(): void;
  /** Told when the dialog opens and closes, so a running clock can stop meanwhile. */
  onOpenChange?(open: boolean): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      // why: a modal dialog keeps keyboard focus inside it and Escape closes it, in every browser we support.
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [open]);
  const change = (next: boolean) => {
    setOpen(next);
    onOpenChange?.(next);
    if (!next) opener.current?.focus();
  };
  return (
    <>
      <button
        ref={opener}
        type="button"
        class="tool-button take-a-break"
        aria-haspopup="dialog"
        onClick={() => change(true)}
      >
        <PauseCircleIcon />
        {t('contentNote.break.button')}
      </button>
      <dialog
        ref={dialog}
        class="break-dialog"
        aria-labelledby="break-dialog-heading"
        aria-describedby="break-dialog-text"
        onCancel={(e) => {
          e.preventDefault();
          change(false);
        }}
      >
        <h2 id="break-dialog-heading">{t('contentNote.break.heading')}</h2>
        <div id="break-dialog-text">
          <p>{t('contentNote.break.text')}</p>
          <p>{t('contentNote.break.kept')}</p>
          <p class="content-note-support">{t('contentNote.support')}</p>
        </div>
        <div class="break-dialog-actions">
          <button type="button" class="button button-primary" onClick={() => change(false)}>
            {t('contentNote.break.stay')}
          </button>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => {
              setOpen(false);
              onLeave();
            }}
          >
            {t('contentNote.break.leave')}
          </button>
        </div>
      </dialog>
    </>
  );
}

/** Where a trainee lands after leaving from "Take a break": the run is kept, and where to find support. */
export function BreakScreen({ title, onBack }: { title: string; onBack(): void }) {
  const { t } = useI18n();
  const heading = useFocusHeading('break');
  return (
    <>
      <AppHeader />
      <main id="main" class="page page-break">
        <section class="card break-card" aria-labelledby="break-heading">
          <h1 id="break-heading" ref={heading} tabIndex={-1}>
            {t('contentNote.left.heading')}
          </h1>
          <p class="lead">{t('contentNote.left.text', { title })}</p>
          <p>{t('contentNote.left.noPenalty')}</p>
          <p class="content-note-support">{t('contentNote.support')}</p>
          <button type="button" class="button button-primary" onClick={onBack}>
            {t('contentNote.left.back')}
          </button>
        </section>
      </main>
      <AppFooter />
    </>
  );
}

function NoteIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9.5" stroke="currentColor" stroke-width="2" fill="none" />
      <path d="M12 10.5v6M12 7.2v.1" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
    </svg>
  );
}

function PauseCircleIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9.5" stroke="currentColor" stroke-width="2" fill="none" />
      <path d="M10 8.5v7M14 8.5v7" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}
