import { Scorm12API } from 'scorm-again';
import { describe, expect, it, vi } from 'vitest';
import { CATALOGUE } from '../../src/engine/doctrine/catalogue.ts';
import { buildDebrief } from '../../src/engine/score/debrief.ts';
import type { Scorm12Api } from '../../src/lms/detect-lms.ts';
import { connectScorm12 } from '../../src/lms/scorm12-adapter.ts';
import { decodeSuspendData } from '../../src/lms/suspend-data.ts';
import { bundledScenario, faithful, openSession, play, reckless } from './lms-factories.ts';

// why: the LMS side is scorm-again's SCORM 1.2 runtime itself, with its own checks of every value.

const bundle = bundledScenario('15-4-conflict-zone');
const scenario = { id: bundle.scenario.id, version: bundle.scenario.version };

type Cmi = Record<string, any>;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A runtime as an LMS would start it for a launch, from the data it kept of the last one. */
function launchRuntime(kept: Cmi = {}, lessonMode = 'normal'): Scorm12API {
  const api = new Scorm12API({ autocommit: false, logLevel: 5 });
  const cmi = structuredClone(kept);
  cmi.core ??= {};
  // the LMS's side of SCORM 1.2: an exit of "suspend" makes the next entry "resume"
  cmi.core.entry = cmi.core.exit === 'suspend' ? 'resume' : cmi.core.lesson_status ? '' : 'ab-initio';
  delete cmi.core.exit;
  delete cmi.core.session_time;
  cmi.core.credit = 'credit';
  cmi.core.lesson_mode = lessonMode;
  cmi.student_data = { ...cmi.student_data, mastery_score: '70' };
  api.loadFromJSON(cmi, '');
  return api;
}

const kept = (api: Scorm12API): Cmi => JSON.parse(JSON.stringify(api.cmi));
const asApi = (api: Scorm12API) => api as unknown as Scorm12Api;

describe('the SCORM 1.2 SCO under scorm-again', () => {
  it('saves the run after every decision, resumes it at the same step after a relaunch, and records the result', () => {
    const first = launchRuntime();
    const a = connectScorm12({ api: asApi(first), scenario });
    expect(a.resume).toBeUndefined();
    expect(first.cmi.core.lesson_status).toBe('incomplete');
    const session = openSession(bundle, [a.observer]);
    for (let n = 1; n <= 3; n++) {
      play(session, [a.observer], faithful, { decisions: 1 });
      const saved = decodeSuspendData(first.cmi.suspend_data);
      expect(saved.ok && saved.run.log).toEqual(session.run.log);
    }
    const stoppedAt = session.run.context().step;
    void a.exit();
    // session_time and exit are write-only for the SCO; the LMS reads them from its stored data
    expect(kept(first).core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    expect(kept(first).core.exit).toBe('suspend');
    expect(first.cmi.suspend_data.length).toBeLessThanOrEqual(4096);

    const second = launchRuntime(kept(first));
    const b = connectScorm12({ api: asApi(second), scenario });
    expect(b.resume?.log).toEqual(session.run.log);
    const resumed = openSession(bundle, [b.observer], b.resume);
    expect(resumed.run.context().step).toBe(stoppedAt);
    const run = play(resumed, [b.observer], faithful);
    const debrief = buildDebrief(bundle.scenario, run.log, CATALOGUE);
    expect(second.cmi.core.lesson_status).toBe('passed');
    expect(second.cmi.core.score.raw).toBe(String(debrief.score.overall));
    expect(second.cmi.core.score.max).toBe('100');
    expect(second.cmi.suspend_data).toBe('');
    void b.exit();
    expect(kept(second).core.exit).toBe('');
    expect(second.isTerminated()).toBe(true);
  });

  it('records a failed run, and a later failed run does not take away a pass', () => {
    const api = launchRuntime();
    const lms = connectScorm12({ api: asApi(api), scenario });
    play(openSession(bundle, [lms.observer]), [lms.observer], reckless);
    expect(api.cmi.core.lesson_status).toBe('failed');
    play(openSession(bundle, [lms.observer]), [lms.observer], faithful);
    expect(api.cmi.core.lesson_status).toBe('passed');
    const passedScore = api.cmi.core.score.raw;
    play(openSession(bundle, [lms.observer]), [lms.observer], reckless);
    expect(api.cmi.core.lesson_status).toBe('passed');
    expect(api.cmi.core.score.raw).toBe(passedScore);
  });

  it('sets aside suspend data it cannot read, with the reason, and starts afresh', () => {
    const first = launchRuntime();
    first.cmi.suspend_data = 'page=4;quiz=2';
    first.cmi.core.exit = 'suspend';
    const lms = connectScorm12({ api: asApi(launchRuntime(kept(first))), scenario });
    expect(lms.resume).toBeUndefined();
    expect(lms.resumeProblem).toBe('not progress saved by pocsim');
  });

  it('writes no status or score in browse mode', () => {
    const api = launchRuntime({}, 'browse');
    const lms = connectScorm12({ api: asApi(api), scenario });
    expect(lms.state()).toEqual({ status: 'not-recording', mode: 'browse' });
    play(openSession(bundle, [lms.observer]), [lms.observer], faithful);
    expect(api.cmi.core.score.raw).toBe('');
    expect(api.cmi.suspend_data).toBe('');
  });

  it('reports a runtime that refuses to start', () => {
    const api = launchRuntime();
    api.LMSInitialize('');
    const lms = connectScorm12({ api: asApi(api), scenario });
    expect(lms.state()).toMatchObject({
      status: 'failed',
      problem: expect.stringMatching(/^LMSInitialize failed \(SCORM error 101/),
    });
  });

  it('counts a verdict only once LMSCommit succeeds: retries in this launch, and sets it again in the next', async () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    // an LMS whose server refuses commits while `down`: what it keeps is what was last committed
    const flaky = (api: Scorm12API) => {
      const lms = { down: false, committed: kept(api), commits: 0 };
      const wrapped = new Proxy(asApi(api), {
        get(target, name) {
          if (name === 'LMSCommit')
            return () => {
              if (lms.down) return 'false';
              const r = api.LMSCommit('');
              lms.commits++;
              lms.committed = kept(api);
              return r;
            };
          if (name === 'LMSGetLastError') return () => (lms.down ? '101' : api.LMSGetLastError());
          const v = (target as any)[name];
          return typeof v === 'function' ? v.bind(api) : v;
        },
      });
      return { lms, api: wrapped };
    };

    // in this launch: the commit fails, the bar says one result waits, a retry gets it in
    const first = flaky(launchRuntime());
    const a = connectScorm12({ api: first.api, scenario, store: storage, wait: () => sleep(2) });
    first.lms.down = true;
    play(openSession(bundle, [a.observer]), [a.observer], faithful);
    expect(a.state()).toMatchObject({ status: 'recording', waiting: 1 });
    expect(first.lms.committed.core.lesson_status).toBe('incomplete');
    first.lms.down = false;
    await vi.waitFor(() => expect(a.state()).toEqual({ status: 'recording' }));
    expect(first.lms.committed.core.lesson_status).toBe('passed');
    expect(store.size).toBe(0);

    // across launches: commits fail until the window closes; the next launch sets the verdict again
    const second = flaky(launchRuntime());
    const b = connectScorm12({ api: second.api, scenario, store: storage, wait: () => sleep(2) });
    second.lms.down = true;
    play(openSession(bundle, [b.observer]), [b.observer], faithful);
    void b.exit();
    expect(b.state()).toMatchObject({ status: 'ended', waiting: 1 });
    expect(second.lms.committed.core.lesson_status).toBe('incomplete');
    expect(store.size).toBe(1);

    const third = flaky(launchRuntime(second.lms.committed));
    connectScorm12({ api: third.api, scenario, store: storage });
    expect(third.lms.committed.core.lesson_status).toBe('passed');
    expect(Number(third.lms.committed.core.score.raw)).toBeGreaterThanOrEqual(70);
    expect(store.size).toBe(0);
  });
});
