import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { type PoEntry, type PoFile, po } from 'gettext-parser';
import { formatDiagnostic } from '../engine/scenario/diagnostic.ts';
import { loadScenario, parseYamlFile } from '../engine/scenario/load-scenario.ts';
import { LANGUAGES, type Scenario } from '../engine/scenario/scenario.schema.ts';
import { collectTexts } from '../engine/scenario/text-keys.ts';
import { type TranslatedText, updateTranslation } from '../engine/scenario/update-translation.ts';

/** Usage lines of the translate command, for the CLI help. */
export const TRANSLATE_USAGE = `  pocsim translate <scenario> --lang fr [--export <file.po>] [--import <file.po>]
                                   create or update <lang>.yaml: new texts added with the source
                                   text and marked # untranslated, stale ones kept aside under
                                   stale:, translations kept; --export writes a gettext PO file for
                                   Poedit, Weblate or OmegaT, --import reads one back
`;

type Result = { code: number; stdout: string; stderr: string };

/** Runs `pocsim translate`; writes the translation file and returns what to print. */
export function translateCommand(args: string[], cwd: string): Result {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      lang: { type: 'string' },
      export: { type: 'string' },
      import: { type: 'string' },
    },
  });
  const target = positionals[0];
  if (!target)
    return { code: 2, stdout: '', stderr: `translate needs a scenario folder\n\n${TRANSLATE_USAGE}` };
  if (!existsSync(target)) return { code: 1, stdout: '', stderr: `${target}: no such file or folder\n` };
  const folder = statSync(target).isDirectory() ? target : dirname(target);
  const lang = values.lang;
  if (!lang || !(LANGUAGES as readonly string[]).includes(lang))
    return { code: 2, stdout: '', stderr: `--lang must be one of ${LANGUAGES.join(', ')}\n` };
  // why: the translation file may be empty, stale or broken; that is what this command mends, so
  // only the scenario itself has to load.
  const mainPath = join(folder, 'scenario.yaml');
  if (!existsSync(mainPath)) return { code: 1, stdout: '', stderr: `${folder}: no scenario.yaml here\n` };
  const loaded = loadScenario({
    path: relative(cwd, mainPath) || mainPath,
    text: readFileSync(mainPath, 'utf8'),
  });
  const scenario = loaded.bundle?.scenario;
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!scenario)
    return {
      code: 1,
      stdout: '',
      stderr: `${errors.map(formatDiagnostic).join('\n')}\nfix these first (pocsim validate)\n`,
    };
  if (lang === scenario.language)
    return {
      code: 2,
      stdout: '',
      stderr: `the scenario itself is written in ${lang}; translate it into another language\n`,
    };
  const file = join(folder, `${lang}.yaml`);
  const shown = relative(cwd, file) || file;
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;

  if (values.export) {
    const update = updateTranslation(scenario, lang, existing);
    writeFileSync(values.export, exportPo(scenario, lang, update.text, join(folder, 'scenario.yaml'), cwd));
    return {
      code: 0,
      stdout: `wrote ${values.export}: ${collectTexts(scenario).length} texts, ${update.untranslated.length} to translate\n`,
      stderr: '',
    };
  }

  let imported: TranslatedText[] = [];
  const notes: string[] = [];
  if (values.import) {
    if (!existsSync(values.import))
      return { code: 1, stdout: '', stderr: `${values.import}: no such file\n` };
    const read = importPo(scenario, readFileSync(values.import));
    if (read.error) return { code: 1, stdout: '', stderr: `${values.import}: ${read.error}\n` };
    imported = read.texts;
    notes.push(...read.notes);
  }
  const update = updateTranslation(scenario, lang, existing, imported);
  writeFileSync(file, update.text);
  const lines = [
    `${existing === undefined ? 'created' : 'updated'} ${shown}:`,
    `  ${update.kept + imported.length} translated text${update.kept + imported.length === 1 ? '' : 's'}${imported.length ? ` (${imported.length} from ${values.import})` : ''}`,
    `  ${update.added.length} new text${update.added.length === 1 ? '' : 's'} added with the source text, marked # untranslated`,
    `  ${update.untranslated.length} still to translate`,
  ];
  if (update.stale.length)
    lines.push(
      `  ${update.stale.length} stale text${update.stale.length === 1 ? '' : 's'} (no longer in the scenario) kept aside under stale:: ${update.stale.join(', ')}`,
    );
  if (update.previousVersion && update.previousVersion !== scenario.version)
    lines.push(
      `  made from version ${update.previousVersion}, now marked ${scenario.version}: texts reworded since then keep their old translation; check them`,
    );
  lines.push(...notes.map((n) => `  ${n}`));
  return { code: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

/** The scenario's texts as a gettext PO catalogue: context = text key, msgid = source, msgstr = translation. */
export function exportPo(
  scenario: Scenario,
  lang: string,
  translation: string,
  sourcePath: string,
  cwd: string,
): Uint8Array {
  const parsedSource = parseYamlFile({ path: sourcePath, text: readFileSync(sourcePath, 'utf8') });
  const parsedTranslation = parseYamlFile({ path: `${lang}.yaml`, text: translation });
  const data = parsedTranslation.data as { texts?: Record<string, string> };
  const texts = data.texts ?? {};
  const translations: PoFile['translations'] = {};
  for (const s of collectTexts(scenario)) {
    const marked = /untranslated/.test(parsedTranslation.commentOf?.(['texts', s.key]) ?? '');
    const msgstr = marked ? '' : (texts[s.key] ?? '');
    const at = parsedSource.locate(s.path);
    const entry: PoEntry = {
      msgctxt: s.key,
      msgid: s.text,
      msgstr: [msgstr],
      comments: { reference: `${relative(cwd, sourcePath)}:${at.line}`, extracted: s.path.join('.') },
    };
    translations[s.key] = { [s.text]: entry };
  }
  return po.compile(
    {
      charset: 'utf-8',
      headers: {
        'Project-Id-Version': `${scenario.id} ${scenario.version}`,
        Language: lang,
        'MIME-Version': '1.0',
        'Content-Type': 'text/plain; charset=UTF-8',
        'Content-Transfer-Encoding': '8bit',
        'X-Generator': 'pocsim translate',
      },
      translations,
    },
    { sort: false, foldLength: 0 },
  );
}

/** Reads translated texts from a PO file; empty or fuzzy entries stay untranslated, unknown keys are reported. */
export function importPo(
  scenario: Scenario,
  bytes: Uint8Array,
): { texts: TranslatedText[]; notes: string[]; error?: string } {
  let file: PoFile;
  try {
    file = po.parse(bytes);
  } catch (e) {
    return { texts: [], notes: [], error: `not a PO file: ${(e as Error).message}` };
  }
  const source = new Map(collectTexts(scenario).map((s) => [s.key, s.text]));
  const texts: TranslatedText[] = [];
  const unknown: string[] = [];
  const changed: string[] = [];
  let fuzzy = 0;
  for (const [context, entries] of Object.entries(file.translations)) {
    for (const entry of Object.values(entries)) {
      if (!entry.msgid && !context) continue; // the header
      const key = entry.msgctxt ?? context;
      if (!Array.isArray(entry.msgstr))
        return {
          texts: [],
          notes: [],
          error: `not a PO file: the entry for "${key || entry.msgid}" has no msgstr`,
        };
      const text = entry.msgstr[0] ?? '';
      if (!source.has(key)) {
        unknown.push(key);
        continue;
      }
      if (!text) continue;
      if (entry.comments?.flag?.includes('fuzzy')) {
        fuzzy++;
        continue;
      }
      if (source.get(key) !== entry.msgid) changed.push(key);
      texts.push({ key, text });
    }
  }
  const notes: string[] = [];
  if (fuzzy) notes.push(`${fuzzy} fuzzy entr${fuzzy === 1 ? 'y' : 'ies'} left untranslated until reviewed`);
  if (changed.length)
    notes.push(
      `the source text changed since the PO file was made for: ${changed.join(', ')}: check these translations`,
    );
  if (unknown.length) notes.push(`not imported, no such text in the scenario: ${unknown.join(', ')}`);
  return { texts, notes };
}
