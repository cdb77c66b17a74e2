// The benchmark suite (not timed tests): npm run bench [section…]
// Runs each section (`scripts/bench/<name>.ts`, exporting `run(): Promise<BenchSection>`), prints a
// table, and merges the results into bench/results.json by section, so a section run alone leaves
// the others' last figures in place. docs/performance.md explains each figure and its budget.
// To add a section: write scripts/bench/<name>.ts and add its name to SECTIONS.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from './section.ts';

/** Sections in the order they run; each name is also its file name. */
const SECTIONS = [
  'engine',
  'ink',
  'first-load',
  'browser-load',
  'map-frames',
  'big-inputs',
  'server-rooms',
] as const;

const RESULTS = join(import.meta.dirname, '..', '..', 'bench', 'results.json');

function table(name: string, section: BenchSection): string {
  const width = Math.max(...section.rows.map((r) => r.metric.length));
  const lines = [`\n${section.title} [${name}]`];
  for (const r of section.rows) {
    const value = `${r.value} ${r.unit}`.padStart(14);
    const verdict = r.ok === undefined ? '' : r.ok ? '  ok' : '  OVER';
    const budget = r.budget ? `  (budget ${r.budget})` : '';
    lines.push(`  ${r.metric.padEnd(width)}  ${value}${budget}${verdict}${r.note ? `  ${r.note}` : ''}`);
  }
  return lines.join('\n');
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !(SECTIONS as readonly string[]).includes(w));
  if (unknown.length) {
    console.error(`unknown section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
  const chosen = wanted.length ? SECTIONS.filter((s) => wanted.includes(s)) : SECTIONS;
  const results: { sections?: Record<string, unknown> } = existsSync(RESULTS)
    ? JSON.parse(readFileSync(RESULTS, 'utf8'))
    : {};
  const machine = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
  let over = 0;
  for (const name of chosen) {
    const started = performance.now();
    const mod = (await import(`./${name}.ts`)) as { run(): Promise<BenchSection> };
    const section = await mod.run();
    console.log(table(name, section));
    over += section.rows.filter((r) => r.ok === false).length;
    results.sections = {
      ...results.sections,
      [name]: {
        ...section,
        measuredAt: new Date().toISOString(),
        seconds: Math.round((performance.now() - started) / 100) / 10,
        machine,
      },
    };
    mkdirSync(join(RESULTS, '..'), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  }
  console.log(
    `\n${over ? `${over} figure(s) over budget` : 'every figure within budget'}; written to bench/results.json`,
  );
}

await main();
