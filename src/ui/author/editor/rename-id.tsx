import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n-context.tsx';

/**
 * An element's id with a "Rename" button; renaming asks for the new id, says why it cannot be
 * taken (malformed, used already), and otherwise renames it with every reference and translation.
 */
export function RenameId({
  id,
  problem,
  onRename,
}: {
  id: string;
  /** Why `next` cannot be the new id: `badId`, `taken`, or undefined. */
  problem(next: string): 'badId' | 'taken' | undefined;
  onRename(next: string): void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(id);
  const [error, setError] = useState<string | null>(null);
  if (!editing)
    return (
      <span class="ed-id">
        <code class="muted">{id}</code>
        <button
          type="button"
          class="button button-link ed-small"
          aria-label={t('editor.rename.button', { id })}
          onClick={() => {
            setValue(id);
            setError(null);
            setEditing(true);
          }}
        >
          {t('editor.rename.short')}
        </button>
      </span>
    );
  const inputId = `ed-rename-${id}`;
  const submit = (e: Event) => {
    e.preventDefault();
    const next = value.trim();
    const why = problem(next);
    if (why) {
      setError(
        why === 'badId' ? t('editor.rename.badId', { id: next }) : t('editor.rename.taken', { id: next }),
      );
      return;
    }
    if (next !== id) onRename(next);
    setEditing(false);
  };
  return (
    <form class="ed-rename" onSubmit={submit}>
      <label for={inputId}>{t('editor.rename.label', { id })}</label>
      <input
        id={inputId}
        type="text"
        value={value}
        spellcheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        onInput={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setEditing(false);
        }}
        // biome-ignore lint/a11y/noAutofocus: the field the trainer just asked for
        autoFocus
      />
      <button type="submit" class="button button-primary ed-small">
        {t('editor.rename.apply')}
      </button>
      <button type="button" class="button button-secondary ed-small" onClick={() => setEditing(false)}>
        {t('editor.rename.cancel')}
      </button>
      {error && (
        <p id={`${inputId}-error`} class="ed-rename-error" role="alert">
          {error}
        </p>
      )}
      <p class="muted ed-rename-note">{t('editor.rename.note')}</p>
    </form>
  );
}
