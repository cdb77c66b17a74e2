import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/engine/doctrine/catalogue.ts';
import { createRun } from '../../../src/engine/run/run.ts';
import type { RunEvent } from '../../../src/engine/run/run-state.ts';
import { buildDebrief } from '../../../src/engine/score/debrief.ts';
import {
  bestAnswerOf,
  buildBestPath,
  buildReportModel,
  cellBalance,
  replayLengths,
} from '../../../src/engine/score/report-model.ts';
import { miniBundle } from '../factories.ts';

const scenario = miniBundle().scenario;
const choose = (...ids: string[]): RunEvent => ({ type: 'decision.chosen', optionIds: ids });
const modelOf = (log: RunEvent[]) => buildReportModel(scenario, buildDebrief(scenario, log), CATALOGUE);

describe('the debrief report model', () => {
  it('lists the run as a timeline at the scenario’s time of day, with each decision’s latency', () => {
    const m = modelOf([{ type: 'clock.ticked', seconds: 40 }, choose('open'), choose('cla', 'rally')]);
    expect(m.timeline.map((i) => [i.kind, i.clock])).toEqual([
      ['step', '05:30'],
      ['inject', '05:30'],
      ['inject', '05:30'],
      ['decision', '05:30'],
      ['step', '19:00'],
      ['decision', '19:00'],
      ['ending', '19:00'],
    ]);
    expect(m.timeline[3]).toMatchObject({ kind: 'decision', decision: 1, options: ['open'], latency: 40 });
    expect(m.timeline[2]).toMatchObject({ kind: 'inject', inject: 'radio-2', at: 30 });
    expect(m.startClock).toBe('05:30');
  });

  it('shows a decision not taken in time as a time-out, not as a choice', () => {
    const m = modelOf([{ type: 'clock.ticked', seconds: 90 }]);
    const timeout = m.timeline.find((i) => i.kind === 'timeout');
    expect(timeout).toMatchObject({ step: 'arrival', decision: 1, latency: 60, clock: '05:31' });
    expect(m.decisions[0]).toMatchObject({
      timedOut: true,
      options: [],
      feedback: ['steps.arrival.noDecision.feedback'],
    });
    expect(m.paths.timedOut).toEqual([0]);
  });

  it('cites every doctrine entry with its section, and lists critical Don’ts with where they were broken', () => {
    const m = modelOf([choose('push-back')]);
    expect(m.decisions[0]!.broken).toEqual([
      { id: '15.1-dont-1', section: '15.1', severity: 'critical', duty: false },
    ]);
    expect(m.critical).toEqual([
      { id: '15.1-dont-1', section: '15.1', step: 'arrival', option: 'push-back' },
    ]);
    expect(m.verdict).toBe('critical');
    expect(m.decisions[0]!.better).toEqual(['open']);
  });

  it('draws the path taken against the best path and finds where they part', () => {
    const m = modelOf([choose('open'), choose('night-patrol', 'rally')]);
    expect(m.paths.best).toEqual(['arrival', 'night', 'wrap-up', 'end-good']);
    expect(m.paths.taken).toEqual(['arrival', 'night', 'end-mixed']);
    expect(m.paths.divergence).toBe(2);
    expect(m.paths.endings.sort()).toEqual(['end-good', 'end-mixed']);
    expect(
      modelOf([choose('open'), choose('night-patrol', 'cla'), { type: 'step.continued' }]).paths.divergence,
    ).toBe(null);
  });

  it('takes doctrine’s best answer, combinations included, as the scoring does', () => {
    expect(bestAnswerOf(scenario, 'arrival', CATALOGUE)).toEqual(['open']);
    expect(bestAnswerOf(scenario, 'night', CATALOGUE).sort()).toEqual(['cla', 'night-patrol']);
    expect(buildBestPath(scenario, CATALOGUE).at(-1)).toBe('end-good');
  });

  it('knows for each decision the part of the log that replays to it, still undecided', () => {
    const log: RunEvent[] = [{ type: 'clock.ticked', seconds: 20 }, choose('open'), choose('cla')];
    const lengths = replayLengths(scenario, log);
    expect(lengths).toEqual([0, 2]);
    const again = createRun(scenario, log.slice(0, lengths[1]));
    expect(again.context().step).toBe('night');
    expect(again.context().history.filter((h) => h.type === 'decision.made')).toHaveLength(1);
    // the first decision replays as it was taken, 20 s in
    expect(again.context().history.find((h) => h.type === 'decision.made')).toMatchObject({ latency: 20 });
  });

  it('leans a heatmap cell by its counts', () => {
    expect(cellBalance({ followed: 0, broken: 0 })).toBe('none');
    expect(cellBalance({ followed: 3, broken: 1 })).toBe('followed');
    expect(cellBalance({ followed: 1, broken: 1 })).toBe('mixed');
    expect(cellBalance({ followed: 0, broken: 2 })).toBe('broken');
  });
});
