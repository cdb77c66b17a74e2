// Voices every radio inject of the bundled scenarios in each of its languages: espeak-ng speaks
// the text, sox passes it through a hand-held radio's band, squelch and hiss. The files are ours,
// reproducible, and small enough to precache for offline use.
// Usage: npx tsx scripts/make-voices.ts [--check]   (needs espeak-ng and sox with mp3 support)
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findScenarioFolders, loadScenarioFolder } from '../src/cli/scenario-files.ts';
import { radioCalls, VOICE_MANIFEST, voiceFile, voiceFingerprint, voiceVariant } from './voices.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'assets', 'voices');
const check = process.argv.includes('--check');

const ESPEAK_VOICE = { en: 'en-gb', fr: 'fr-fr' } as const;

const manifest: Record<string, string> = existsSync(join(OUT, VOICE_MANIFEST))
  ? JSON.parse(readFileSync(join(OUT, VOICE_MANIFEST), 'utf8'))
  : {};
const wanted = new Map<string, string>();
const stale: string[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'pocsim-voices-'));
let made = 0;

for (const folder of findScenarioFolders([join(ROOT, 'scenarios')])) {
  const loaded = loadScenarioFolder(folder, ROOT);
  if (!loaded.bundle) throw new Error(`${folder} does not validate; run npm run sim -- validate`);
  for (const call of radioCalls(loaded.bundle)) {
    const variant = voiceVariant(call.sender);
    const fingerprint = voiceFingerprint(call);
    const file = voiceFile(call.scenario, call.inject, call.lang);
    wanted.set(file, fingerprint);
    if (manifest[file] === fingerprint && existsSync(join(OUT, file))) continue;
    if (check) {
      stale.push(file);
      continue;
    }
    mkdirSync(join(OUT, call.scenario), { recursive: true });
    speak(call.text, call.lang, variant, join(OUT, file));
    made += 1;
  }
}
rmSync(tmp, { recursive: true, force: true });

if (check) {
  const unused = Object.keys(manifest).filter((f) => !wanted.has(f));
  if (stale.length || unused.length) {
    console.error(
      `voices out of date: ${stale.length} to make, ${unused.length} unused; run npx tsx scripts/make-voices.ts`,
    );
    process.exit(1);
  }
  console.log(`${wanted.size} voiced radio calls up to date`);
} else {
  for (const f of Object.keys(manifest)) if (!wanted.has(f)) rmSync(join(OUT, f), { force: true });
  for (const dir of readdirSync(OUT, { withFileTypes: true })) {
    if (dir.isDirectory() && readdirSync(join(OUT, dir.name)).length === 0)
      rmSync(join(OUT, dir.name), { recursive: true });
  }
  const sorted = Object.fromEntries([...wanted].sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(OUT, VOICE_MANIFEST), `${JSON.stringify(sorted, null, 2)}\n`);
  let bytes = 0;
  for (const f of wanted.keys()) bytes += readFileSync(join(OUT, f)).length;
  console.log(`${made} made, ${wanted.size} voiced radio calls, ${(bytes / 1024).toFixed(0)} KiB in all`);
}

function speak(text: string, lang: 'en' | 'fr', variant: string, out: string): void {
  const raw = join(tmp, 'raw.wav');
  const band = join(tmp, 'band.wav');
  const hiss = join(tmp, 'hiss.wav');
  const mixed = join(tmp, 'mixed.wav');
  execFileSync('espeak-ng', ['-v', `${ESPEAK_VOICE[lang]}+${variant}`, '-s', '150', '-w', raw, text]);
  const sox = (...args: string[]) => execFileSync('sox', ['-R', '-V1', ...args]);
  // why: a radio passes roughly 300-3400 Hz, squashes dynamics and clips a little; 8 kHz mono is
  // all that band needs, which keeps each call near 1 KB per second.
  sox(
    raw,
    '-r',
    '8000',
    '-c',
    '1',
    band,
    'pad',
    '0.25',
    '0.2',
    'highpass',
    '350',
    'lowpass',
    '3200',
    'compand',
    '0.02,0.20',
    '-60,-60,-30,-14,-10,-8,0,-5',
    '-4',
    'overdrive',
    '6',
    '12',
    'gain',
    '-n',
    '-4',
  );
  const seconds = execFileSync('soxi', ['-D', band]).toString().trim();
  sox(
    '-n',
    '-r',
    '8000',
    '-c',
    '1',
    hiss,
    'synth',
    seconds,
    'whitenoise',
    'band',
    '1800',
    '1400',
    'vol',
    '0.05',
  );
  sox('-m', band, hiss, mixed);
  sox(mixed, '--comment', '', '-C', '10', out);
}
