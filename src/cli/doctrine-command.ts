import { parseArgs } from 'node:util';
import { DOCTRINE, SITUATIONS } from '../engine/doctrine/catalogue.ts';
import { DOCTRINE_KINDS, type DoctrineEntry, type Severity } from '../engine/doctrine/doctrine-entry.ts';
import { inSection, searchDoctrine } from '../engine/doctrine/search-doctrine.ts';
import { didYouMean } from '../engine/scenario/diagnostic.ts';
import { createI18n, formatHandbookSection, registerStrings } from '../i18n/i18n.ts';
import doctrineEn from '../i18n/locales/doctrine/en.json';
import doctrineFr from '../i18n/locales/doctrine/fr.json';

/** Usage lines of the doctrine command, for the CLI help. */
export const DOCTRINE_USAGE = `  pocsim doctrine [words|id] [--section 15.4] [--kind do|dont|principle] [--lang en|fr] [--format text|json]
                                   look up doctrine entries to cite: id, kind, severity, section
                                   and summary; every word must match (accents ignored)
`;

// why: a Do the handbook words as an obligation can be failed; the field arrives with the scoring of
// failed duties, and the lookup shows it whenever an entry carries it.
function dutyOf(entry: DoctrineEntry): Severity | undefined {
  return (entry as { duty?: Severity }).duty;
}

/** Runs `pocsim doctrine`; returns what to print and the exit code. */
export function doctrineCommand(args: string[]): { code: number; stdout: string; stderr: string } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      section: { type: 'string' },
      kind: { type: 'string' },
      lang: { type: 'string', default: 'en' },
      format: { type: 'string', default: 'text' },
    },
  });
  const lang = values.lang === 'fr' ? 'fr' : 'en';
  registerStrings({ en: doctrineEn, fr: doctrineFr });
  const i18n = createI18n(lang);
  const t = (key: string, params: Record<string, unknown> = {}) => i18n.t(key, params);
  const kind = values.kind as DoctrineEntry['kind'] | undefined;
  if (kind && !DOCTRINE_KINDS.includes(kind))
    return { code: 2, stdout: '', stderr: `${t('doctrineSearch.badKind', { kind })}\n` };
  if (values.format !== 'text' && values.format !== 'json')
    return { code: 2, stdout: '', stderr: `${t('doctrineSearch.badFormat', { format: values.format })}\n` };
  if (values.section && !DOCTRINE.some((e) => inSection(e, values.section!))) {
    const sections = SITUATIONS.map((s) => s.section);
    return {
      code: 2,
      stdout: '',
      stderr: `${t('doctrineSearch.badSection', {
        section: values.section,
        hint: didYouMean(values.section.replace(/^§/, ''), sections),
      })}\n${t('doctrineSearch.sections', { sections: sections.join(', ') })}\n`,
    };
  }
  const text = positionals.join(' ');
  const found = searchDoctrine({ text, section: values.section, kind });
  if (values.format === 'json') {
    const entries = found.map((e) => ({ ...e, summary: e.summary[lang] }));
    return { code: found.length ? 0 : 1, stdout: `${JSON.stringify(entries, null, 2)}\n`, stderr: '' };
  }
  if (!found.length) {
    const query = [text && `"${text}"`, values.section && `§${values.section}`, kind].filter(Boolean);
    return { code: 1, stdout: '', stderr: `${t('doctrineSearch.none', { query: query.join(' ') })}\n` };
  }
  const lines = found.map((e) => {
    const weight = e.severity
      ? t(`doctrine.severity.${e.severity}`)
      : dutyOf(e)
        ? t('doctrineSearch.duty', { severity: t(`doctrine.severity.${dutyOf(e)}`) })
        : '';
    const head = [e.id, formatHandbookSection(e.section, lang), t(`doctrineSearch.kind.${e.kind}`), weight]
      .filter(Boolean)
      .join(' · ');
    return `${head}\n    ${e.summary[lang]}`;
  });
  lines.push(t('doctrineSearch.count', { count: found.length }));
  return { code: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}
