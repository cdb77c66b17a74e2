import { describe, expect, it, vi } from 'vitest';
import { buildCohort } from '../../../src/engine/results/cohort.ts';
import * as runFile from '../../../src/engine/results/run-file.ts';
import { MAX_FILE_BYTES } from '../../../src/engine/scenario/load-scenario.ts';
import {
  MAX_COHORT_BYTES,
  type PickedRunFile,
  readPickedFiles,
} from '../../../src/ui/cohort/cohort-files.ts';
import { CohortCancelled, startCohortJob } from '../../../src/ui/cohort/cohort-job.ts';
import type { CohortProgress } from '../../../src/ui/cohort/cohort-work.ts';
import { generateCohort, loadBundledScenarios } from '../../fixtures/cohort/generate.ts';

vi.mock('../../../src/engine/results/run-file.ts', async (original) => {
  const real = await original<typeof import('../../../src/engine/results/run-file.ts')>();
  return { ...real, parseRunFile: vi.fn(real.parseRunFile) };
});

const bundles = loadBundledScenarios();
const generated = generateCohort(bundles);

// why: review defect 6 — every file was parsed twice on the page (once to find its scenario, once
// to build the cohort), with no progress and no way to stop.
describe('opening a cohort as a job (here without a worker, as in browsers that have none)', () => {
  const options = (progress: CohortProgress[] = []) => ({
    known: bundles.map((b) => b.scenario.id),
    load: async (ids: readonly string[]) => bundles.filter((b) => ids.includes(b.scenario.id)),
    onProgress: (p: CohortProgress) => progress.push(p),
  });

  it('parses each file once, reports progress to the end, and builds the same cohort', async () => {
    const parse = vi.mocked(runFile.parseRunFile);
    parse.mockClear();
    const progress: CohortProgress[] = [];
    const { cohort } = await startCohortJob(generated.files, options(progress)).result;
    expect(parse).toHaveBeenCalledTimes(generated.files.length);
    const total = generated.files.length;
    expect(progress.filter((p) => p.phase === 'checking').at(-1)).toEqual({
      phase: 'checking',
      done: total,
      total,
    });
    expect(progress.filter((p) => p.phase === 'scoring').at(-1)).toEqual({
      phase: 'scoring',
      done: total,
      total,
    });
    const dones = progress.filter((p) => p.phase === 'checking').map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    const direct = buildCohort(
      generated.files,
      bundles.map((b) => b.scenario),
    );
    expect(cohort).toEqual(direct);
  });

  it('stops when asked, with nothing built', async () => {
    const job = startCohortJob(generated.files, options());
    job.cancel();
    await expect(job.result).rejects.toBeInstanceOf(CohortCancelled);
  });

  it('loads only the scenarios the runs are of', async () => {
    const load = vi.fn(options().load);
    const only = generated.files.filter((f) => f.text.includes('"15-3-idp-site"'));
    await startCohortJob(only, { ...options(), load }).result;
    expect(load).toHaveBeenCalledWith(['15-3-idp-site']);
  });
});

describe('the total size budget', () => {
  const big = (path: string): PickedRunFile => ({ path, size: MAX_FILE_BYTES, text: async () => '{}' });

  it('reads files up to the budget and refuses the rest unread, saying why', async () => {
    const count = Math.floor(MAX_COHORT_BYTES / MAX_FILE_BYTES);
    const picked = Array.from({ length: count + 3 }, (_, i) => big(`runs/${i}.json`));
    const read = await readPickedFiles(picked);
    expect(read.files).toHaveLength(count);
    expect(read.refused).toHaveLength(3);
    expect(read.refused[0]!.diagnostics[0]!.message).toMatch(
      /would pass the 100 MB the cohort view reads at once/,
    );
  });

  it('counts the files already open against the budget', async () => {
    const read = await readPickedFiles([big('a.json')], { already: MAX_COHORT_BYTES - 10 });
    expect(read.files).toHaveLength(0);
    expect(read.refused).toHaveLength(1);
  });
});
