import { useMemo, useState } from 'preact/hooks';
import { DOCTRINE } from '../../../engine/doctrine/catalogue.ts';
import type { DoctrineEntry } from '../../../engine/doctrine/doctrine-entry.ts';
import { searchDoctrine } from '../../../engine/doctrine/search-doctrine.ts';
import { useI18n } from '../../i18n-context.tsx';

const SECTIONS = [...new Set(DOCTRINE.map((e) => e.section))];
const MAX_SHOWN = 40;

/** The doctrine ids of an option (Do's followed or Don'ts broken), with a search to add more. */
export function DoctrineList({
  legend,
  ids,
  kind,
  situation,
  onChange,
}: {
  legend: string;
  ids: readonly string[];
  /** Which entries the search offers first: Do's (and principles) to follow, Don'ts to break. */
  kind: 'do' | 'dont';
  /** The scenario's handbook section, searched first. */
  situation?: string;
  onChange(ids: string[]): void;
}) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const byId = useMemo(() => new Map(DOCTRINE.map((e) => [e.id, e])), []);
  return (
    <fieldset class="ed-field ed-doctrine">
      <legend>{legend}</legend>
      <ul class="ed-chips">
        {ids.map((id) => {
          const entry = byId.get(id);
          return (
            <li key={id} class={`ed-chip${entry ? '' : ' ed-chip-unknown'}`}>
              <code>{id}</code>
              {entry && <span class="ed-chip-summary">{summaryOf(entry, lang)}</span>}
              <button
                type="button"
                class="button button-link ed-chip-remove"
                aria-label={t('editor.option.removeDoctrine', { id })}
                onClick={() => onChange(ids.filter((x) => x !== id))}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {open ? (
        <DoctrineSearch
          kind={kind}
          situation={situation}
          exclude={ids}
          onPick={(id) => onChange([...ids, id])}
          onClose={() => setOpen(false)}
        />
      ) : (
        <button type="button" class="button button-secondary ed-small" onClick={() => setOpen(true)}>
          {t('editor.doctrine.add')}
        </button>
      )}
    </fieldset>
  );
}

function summaryOf(entry: DoctrineEntry, lang: string): string {
  return lang === 'fr' ? entry.summary.fr : entry.summary.en;
}

/** Searches the catalogue by words (English or French), id and section; shows summary and severity. */
export function DoctrineSearch({
  kind,
  situation,
  exclude,
  onPick,
  onClose,
}: {
  kind: 'do' | 'dont';
  situation?: string;
  exclude: readonly string[];
  onPick(id: string): void;
  onClose(): void;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [section, setSection] = useState(situation && SECTIONS.includes(situation) ? situation : '');
  const [only, setOnly] = useState<'' | DoctrineEntry['kind']>(kind);
  const found = useMemo(
    () =>
      searchDoctrine({ text, ...(section ? { section } : {}), ...(only ? { kind: only } : {}) }).filter(
        (e) => !exclude.includes(e.id),
      ),
    [text, section, only, exclude],
  );
  return (
    <fieldset class="ed-picker">
      <legend class="visually-hidden">{t('editor.doctrine.heading')}</legend>
      <div class="ed-row">
        <div class="ed-field">
          <label for="ed-doctrine-text">{t('editor.doctrine.search')}</label>
          <input
            id="ed-doctrine-text"
            type="search"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            // biome-ignore lint/a11y/noAutofocus: the search opens on request; typing starts at once
            autoFocus
          />
        </div>
        <div class="ed-field">
          <label for="ed-doctrine-section">{t('editor.doctrine.section')}</label>
          <select
            id="ed-doctrine-section"
            value={section}
            onChange={(e) => setSection(e.currentTarget.value)}
          >
            <option value="">{t('editor.doctrine.all')}</option>
            {SECTIONS.map((s) => (
              <option key={s} value={s}>
                §{s}
              </option>
            ))}
          </select>
        </div>
        <div class="ed-field">
          <label for="ed-doctrine-kind">{t('editor.doctrine.kind')}</label>
          <select
            id="ed-doctrine-kind"
            value={only}
            onChange={(e) => setOnly(e.currentTarget.value as typeof only)}
          >
            <option value="">{t('editor.doctrine.anyKind')}</option>
            <option value="do">{t('editor.doctrine.kindDo')}</option>
            <option value="dont">{t('editor.doctrine.kindDont')}</option>
            <option value="principle">{t('editor.doctrine.kindPrinciple')}</option>
          </select>
        </div>
        <button type="button" class="button button-secondary ed-small" onClick={onClose}>
          {t('editor.doctrine.close')}
        </button>
      </div>
      <p class="muted" aria-live="polite">
        {t('editor.doctrine.results', { count: found.length })}
      </p>
      <ul class="ed-picker-results">
        {found.slice(0, MAX_SHOWN).map((e) => (
          <li key={e.id} class="ed-picker-entry">
            <button
              type="button"
              class="button button-secondary ed-small"
              aria-label={t('editor.doctrine.choose', { id: e.id })}
              onClick={() => onPick(e.id)}
            >
              +
            </button>{' '}
            <code>{e.id}</code> <span class="muted">§{e.section}</span>
            {e.severity && (
              <span class={`badge badge-small ed-severity-${e.severity}`}>
                {t('editor.doctrine.severity', { severity: t(`doctrine.severity.${e.severity}`) })}
              </span>
            )}{' '}
            <span lang={lang}>{summaryOf(e, lang)}</span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
