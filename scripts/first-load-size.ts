// Measures what a trainee downloads before the first decision: index.html plus the entry chunk, its
// static imports and their CSS, plus the largest scenario (its structure and texts in one language,
// fetched when opened),
// gzipped. Other lazy chunks (the Phaser map, howler, the debrief) are listed apart.
// Run after `npm run build`: npm run size
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 120 * 1024;
const dist = join(import.meta.dirname, '..', 'dist');

interface Chunk {
  file: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}
const manifest: Record<string, Chunk> = JSON.parse(
  readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'),
);
const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

const first = new Set<string>(['index.html']);
const visit = (key: string) => {
  const chunk = manifest[key];
  if (!chunk || first.has(chunk.file)) return;
  first.add(chunk.file);
  for (const css of chunk.css ?? []) first.add(css);
  for (const imp of chunk.imports ?? []) visit(imp);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

const lazy = new Set<string>();
for (const chunk of Object.values(manifest)) {
  if (!first.has(chunk.file)) lazy.add(chunk.file);
}

// why: a scenario comes as its structure plus the texts of the trainee's language; the worst case
// is the largest structure with its heavier language.
const textsOf = (id: string) =>
  Object.entries(manifest)
    .filter(([key]) => key.startsWith(`virtual:pocsim-scenario-texts/${id}/`))
    .map(([key, chunk]) => ({ lang: key.split('/').pop(), file: chunk.file, size: gz(chunk.file) }))
    .sort((a, b) => b.size - a.size)[0];
const scenarioChunks = Object.entries(manifest)
  .filter(([key]) => key.startsWith('virtual:pocsim-scenario/'))
  .map(([key, chunk]) => {
    const id = key.split('/')[1]!;
    const texts = textsOf(id);
    return { id, file: chunk.file, size: gz(chunk.file) + (texts?.size ?? 0), texts };
  })
  .sort((a, b) => b.size - a.size);
const largest = scenarioChunks[0];
if (largest) {
  lazy.delete(largest.file);
  if (largest.texts) lazy.delete(largest.texts.file);
}

const kib = (n: number) => `${(n / 1024).toFixed(1).padStart(7)} KiB`;
let total = 0;
console.log('To the first decision (gzip):');
for (const f of first) {
  const size = gz(f);
  total += size;
  console.log(`  ${kib(size)}  ${f}`);
}
if (largest) {
  total += largest.size;
  const texts = largest.texts ? ` + ${largest.texts.file} (its ${largest.texts.lang} texts)` : '';
  console.log(`  ${kib(largest.size)}  ${largest.file}${texts} (largest scenario: ${largest.id})`);
}
console.log(`  ${kib(total)}  total (budget ${BUDGET / 1024} KiB)`);
console.log('Loaded later (gzip):');
for (const f of lazy) console.log(`  ${kib(gz(f))}  ${f}`);
const phaserInFirst = [...first].some((f) => /phaser/i.test(f));
if (phaserInFirst) console.log('Phaser is in the first load: it must be imported lazily.');
process.exitCode = total > BUDGET || phaserInFirst ? 1 : 0;
