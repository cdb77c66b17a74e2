import { useMemo, useState } from 'preact/hooks';
import { useI18n } from '../../i18n-context.tsx';
import { UNTRANSLATED } from './editor-model.ts';
import { useBufferedText } from './fields.tsx';
import { keysMarked, readYaml } from './yaml-edit.ts';

/**
 * Source and translation side by side: each text key with its English source and an editable
 * French field; texts still marked untranslated are flagged until the trainer writes them.
 */
export function TranslationTab({
  lang,
  text,
  source,
  onChange,
  onFill,
  onCreate,
}: {
  lang: string;
  /** The translation file's text, or undefined when there is none yet. */
  text: string | undefined;
  /** Source texts by key. */
  source: Record<string, string>;
  onChange(key: string, value: string, untranslated: boolean): void;
  onFill(present: ReadonlySet<string>): void;
  onCreate(): void;
}) {
  const { t } = useI18n();
  const [onlyOpen, setOnlyOpen] = useState(false);
  const texts = useMemo(() => {
    const data =
      text === undefined ? undefined : (readYaml(text) as { texts?: Record<string, unknown> } | undefined);
    return data?.texts && typeof data.texts === 'object' ? data.texts : {};
  }, [text]);
  const marked = useMemo(
    () => (text ? keysMarked(text, ['texts'], UNTRANSLATED) : new Set<string>()),
    [text],
  );
  if (text === undefined) {
    return (
      <section class="card">
        <p>{t('editor.translation.intro')}</p>
        <button type="button" class="button button-primary" onClick={onCreate}>
          {t('editor.translation.create')}
        </button>
      </section>
    );
  }
  const keys = Object.keys(source);
  const present = new Set(Object.keys(texts));
  const missing = keys.filter((k) => !present.has(k));
  const done = keys.filter((k) => present.has(k) && !marked.has(k)).length;
  const shown = onlyOpen ? keys.filter((k) => marked.has(k) || !present.has(k)) : keys;
  return (
    <section class="card ed-translation">
      <p>{t('editor.translation.intro')}</p>
      <p class="ed-translation-progress" aria-live="polite">
        {t('editor.translation.progress', { done, total: keys.length })}
      </p>
      {missing.length > 0 && (
        <p class="author-alert author-alert-warning">
          {t('editor.translation.missing', { count: missing.length })}{' '}
          <button type="button" class="button button-secondary ed-small" onClick={() => onFill(present)}>
            {t('editor.translation.fill')}
          </button>
        </p>
      )}
      <label class="ed-check">
        <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.currentTarget.checked)} />{' '}
        {t('editor.translation.onlyUntranslated')}
      </label>
      <table class="ed-translation-table">
        <thead>
          <tr>
            <th scope="col">{t('editor.translation.source')}</th>
            <th scope="col">{t('editor.translation.target')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((key) => {
            const value = texts[key];
            const open = marked.has(key) || !present.has(key);
            const id = `ed-tr-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
            return (
              <tr key={key} class={open ? 'ed-untranslated' : undefined} data-key={key}>
                <td lang="en">
                  <code class="ed-key">{key}</code>
                  <p>{source[key]}</p>
                </td>
                <td>
                  <label for={id} class="visually-hidden">
                    {t('editor.translation.target')} · {key}
                  </label>
                  <TranslationField
                    id={id}
                    lang={lang}
                    value={typeof value === 'string' ? value : ''}
                    onCommit={(text) => onChange(key, text, false)}
                  />
                  {open && (
                    <p class="ed-untranslated-tag">
                      <span class="badge badge-small">{t('editor.translation.untranslated')}</span>{' '}
                      {present.has(key) && (
                        <button
                          type="button"
                          class="button button-link ed-small"
                          onClick={() => onChange(key, String(value ?? ''), false)}
                        >
                          {t('editor.translation.markDone')}
                        </button>
                      )}
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function TranslationField({
  id,
  lang,
  value,
  onCommit,
}: {
  id: string;
  lang: string;
  value: string;
  onCommit(text: string): void;
}) {
  const buffer = useBufferedText(value, onCommit);
  return (
    <textarea
      id={id}
      lang={lang}
      rows={2}
      value={buffer.text}
      onInput={(e) => buffer.onInput(e.currentTarget.value)}
      onBlur={buffer.onBlur}
    />
  );
}
