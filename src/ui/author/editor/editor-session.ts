// why: the editor's whole state is the text of its files; every edit is a function from the old
// texts to new ones (see yaml-edit.ts), so undo and redo are a matter of keeping earlier texts,
// and a draft kept in local storage is the texts themselves.

/** The texts of a scenario folder being edited: `scenario.yaml` and translations by language. */
export interface EditorFiles {
  scenario: string;
  translations: Readonly<Record<string, string>>;
}

/** An editing session: the files now, what undo and redo lead back to, and what was last saved. */
export interface EditorSession {
  /** Folder name shown to the trainer, and the draft's name. */
  name: string;
  files: EditorFiles;
  past: readonly EditorFiles[];
  future: readonly EditorFiles[];
  /** The files as last saved (or opened); `files` differ from them until the next save. */
  saved: EditorFiles | null;
  /** The field the last edit typed into; further typing there joins the same undo step. */
  typing?: string;
}

/** Most undo steps kept; older ones are dropped. */
export const UNDO_LIMIT = 200;

/** A new session on files just opened (saved) or built from a template (not saved yet). */
export function createSession(name: string, files: EditorFiles, saved: boolean): EditorSession {
  return { name, files, past: [], future: [], saved: saved ? files : null };
}

/**
 * The session after an edit; an edit that changes nothing leaves it as it is. Typing in one field
 * (`typing` names it) makes one undo step, not one per key.
 */
export function applyEdit(
  session: EditorSession,
  edit: (files: EditorFiles) => EditorFiles,
  typing?: string,
): EditorSession {
  const files = edit(session.files);
  if (sameFiles(files, session.files)) return session;
  if (typing && session.typing === typing && session.past.length > 0)
    return { ...session, files, future: [], typing };
  const past = [...session.past, session.files].slice(-UNDO_LIMIT);
  return { ...session, files, past, future: [], ...(typing ? { typing } : { typing: undefined }) };
}

export function undo(session: EditorSession): EditorSession {
  const previous = session.past[session.past.length - 1];
  if (!previous) return session;
  const future = [session.files, ...session.future];
  return { ...session, files: previous, past: session.past.slice(0, -1), future, typing: undefined };
}

export function redo(session: EditorSession): EditorSession {
  const next = session.future[0];
  if (!next) return session;
  const past = [...session.past, session.files];
  return { ...session, files: next, past, future: session.future.slice(1), typing: undefined };
}

/** The session once its files are saved. */
export function markSaved(session: EditorSession): EditorSession {
  return { ...session, saved: session.files };
}

/** True when the files hold changes not saved yet. */
export function isDirty(session: EditorSession): boolean {
  return !session.saved || !sameFiles(session.saved, session.files);
}

function sameFiles(a: EditorFiles, b: EditorFiles): boolean {
  if (a.scenario !== b.scenario) return false;
  const ka = Object.keys(a.translations);
  const kb = Object.keys(b.translations);
  return ka.length === kb.length && ka.every((k) => a.translations[k] === b.translations[k]);
}

/** Files of the session by file name, as they are written to a folder. */
export function filesByName(files: EditorFiles): Record<string, string> {
  const out: Record<string, string> = { 'scenario.yaml': files.scenario };
  for (const [lang, text] of Object.entries(files.translations)) out[`${lang}.yaml`] = text;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Drafts: what the trainer typed, kept until saved, offered back when the editor opens again.

/** A draft kept in local storage. */
export interface Draft {
  name: string;
  files: EditorFiles;
  /** ISO time the draft was written. */
  at: string;
}

/** Where drafts are kept; a fake in tests. */
export interface DraftStore {
  read(): Draft | null;
  write(draft: Draft): void;
  clear(): void;
}

const DRAFT_KEY = 'pocsim.author.draft.v1';

/** Drafts in `localStorage`; when storage is missing or full, drafts are simply not kept. */
export function localDraftStore(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = safeLocalStorage(),
): DraftStore {
  return {
    read() {
      try {
        const raw = storage?.getItem(DRAFT_KEY);
        if (!raw) return null;
        const d = JSON.parse(raw) as Draft;
        return typeof d?.files?.scenario === 'string' && typeof d.name === 'string' ? d : null;
      } catch {
        return null;
      }
    },
    write(draft) {
      try {
        storage?.setItem(DRAFT_KEY, JSON.stringify(draft));
      } catch {
        // why: a full storage must not stop the editing; the page says drafts are kept when they are
      }
    },
    clear() {
      try {
        storage?.removeItem(DRAFT_KEY);
      } catch {
        // nothing to clear
      }
    },
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
