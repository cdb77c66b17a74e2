import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { YamlPath } from './yaml-edit.ts';

/** How long typing pauses before a text field writes into the file. */
export const TYPING_PAUSE_MS = 250;

// why: writing into the YAML re-reads the whole file (a tenth of a second for the largest bundled
// scenario on a loaded laptop), so a text field keeps what is typed and writes it at each pause,
// and at once when it loses focus; an undo from outside replaces its text when it is not typing.
/** A text value typed locally and written through `commit` at each pause and on blur. */
export function useBufferedText(value: string, commit: (text: string) => void) {
  const [text, setText] = useState(value);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(commit);
  latest.current = commit;
  const typed = useRef(value);
  useEffect(() => {
    if (pending.current === null && value !== typed.current) {
      typed.current = value;
      setText(value);
    }
  }, [value]);
  const flush = () => {
    if (pending.current === null) return;
    clearTimeout(pending.current);
    pending.current = null;
    latest.current(typed.current);
  };
  useEffect(() => flush, []);
  return {
    text,
    onInput(next: string) {
      typed.current = next;
      setText(next);
      if (pending.current !== null) clearTimeout(pending.current);
      pending.current = setTimeout(flush, TYPING_PAUSE_MS);
    },
    onBlur: flush,
  };
}

// why: every form field of the editor is one of these few, each bound to a path of the scenario
// file; they report the new value and which field typed it, so typing makes one undo step.

/** How a form changes the files: a new value at a path, typed in the field named `typing`. */
export type FieldChange = (path: YamlPath, value: unknown, typing?: string) => void;

let nextId = 0;
/** A stable id for a label and its control. */
export function fieldId(path: YamlPath): string {
  return `ed-${path.join('-')}`.replace(/[^a-zA-Z0-9_-]/g, '_') || `ed-${nextId++}`;
}

export function TextField({
  label,
  path,
  value,
  onChange,
  multiline,
  lang,
}: {
  label: string;
  path: YamlPath;
  value: unknown;
  onChange: FieldChange;
  multiline?: boolean;
  lang?: string;
}) {
  const id = fieldId(path);
  // why: each pause in typing is one undo step, so undo takes back the last words, not the field
  const buffer = useBufferedText(
    typeof value === 'string' || typeof value === 'number' ? String(value) : '',
    (text) => onChange(path, text),
  );
  return (
    <div class="ed-field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          lang={lang}
          rows={3}
          value={buffer.text}
          onInput={(e) => buffer.onInput(e.currentTarget.value)}
          onBlur={buffer.onBlur}
        />
      ) : (
        <input
          id={id}
          lang={lang}
          type="text"
          value={buffer.text}
          onInput={(e) => buffer.onInput(e.currentTarget.value)}
          onBlur={buffer.onBlur}
        />
      )}
    </div>
  );
}

export function NumberField({
  label,
  path,
  value,
  onChange,
  onClear,
  min,
}: {
  label: string;
  path: YamlPath;
  value: unknown;
  onChange: FieldChange;
  /** Called when the field is emptied; without it an empty field is left as it was. */
  onClear?: () => void;
  min?: number;
}) {
  const id = fieldId(path);
  return (
    <div class="ed-field ed-field-number">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        value={typeof value === 'number' ? String(value) : ''}
        onInput={(e) => {
          const raw = e.currentTarget.value.trim();
          if (raw === '') onClear?.();
          else if (Number.isFinite(Number(raw))) onChange(path, Number(raw), path.join('.'));
        }}
      />
    </div>
  );
}

export function SelectField({
  label,
  path,
  value,
  options,
  onChange,
}: {
  label: string;
  path: YamlPath;
  value: unknown;
  options: readonly { value: string; label: string }[];
  onChange: FieldChange;
}) {
  const id = fieldId(path);
  const current = typeof value === 'string' ? value : '';
  const known = options.some((o) => o.value === current);
  return (
    <div class="ed-field">
      <label for={id}>{label}</label>
      <select id={id} value={current} onChange={(e) => onChange(path, e.currentTarget.value)}>
        {!known && <option value={current}>{current}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A set of checkboxes for a list of values (tiers, audience, content topics). */
export function CheckList({
  legend,
  path,
  value,
  options,
  onChange,
}: {
  legend: string;
  path: YamlPath;
  value: unknown;
  options: readonly { value: string; label: string }[];
  onChange: FieldChange;
}) {
  const chosen = Array.isArray(value) ? value.map(String) : [];
  const toggle = (v: string, on: boolean) => {
    const next = options.map((o) => o.value).filter((o) => (o === v ? on : chosen.includes(o)));
    onChange(path, next);
  };
  return (
    <fieldset class="ed-field ed-checks">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} class="ed-check">
          <input
            type="checkbox"
            checked={chosen.includes(o.value)}
            onChange={(e) => toggle(o.value, e.currentTarget.checked)}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function Row({ children }: { children: ComponentChildren }) {
  return <div class="ed-row">{children}</div>;
}
