import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../../src/cli/scenario-files.ts';
import { CATALOGUE } from '../../../src/engine/doctrine/catalogue.ts';
import { playExerciseHeadless } from '../../../src/engine/exercise/exercise-headless.ts';
import {
  createExercise,
  type ExerciseEvent,
  foldExercise,
} from '../../../src/engine/exercise/exercise-log.ts';
import { previewClock } from '../../../src/engine/exercise/exercise-state.ts';
import { loadText } from '../factories.ts';
import { exerciseFrYaml, exerciseScenario, exerciseWith, hm } from './exercise-factories.ts';

// why: these are the promises a facilitator relies on for a report that agrees with the room:
// a decision stands for the action it names, nothing is missed behind their back, and every record
// can be corrected with the correction kept in the log.

const scenario = exerciseScenario();
const tick = (seconds: number): ExerciseEvent => ({ type: 'clock.ticked', seconds });
const started = () => {
  const x = createExercise(scenario);
  x.send({ type: 'exercise.started' });
  return x;
};
const fired = (x: ReturnType<typeof started>) =>
  x
    .state()
    .released.filter((r) => r.how === 'contingency')
    .map((r) => [r.inject, r.at]);

describe('a decision that matches an expected action', () => {
  it('ticks the action at the time of the decision, so its contingency never fires', () => {
    const x = started();
    x.send(tick(hm(0, 25)));
    expect(
      x.send({ type: 'decision.recorded', role: 'fc', step: 'posture', options: ['raise-posture'] }),
    ).toBe(true);
    expect(x.state().pending.map((p) => p.action)).not.toContain('act-posture');
    expect(x.state().actions).toEqual([
      {
        id: 'dec-1:act-posture',
        action: 'act-posture',
        role: 'fc',
        expectedRole: 'fc',
        inject: 'ev-warning',
        at: hm(0, 25),
        due: hm(0, 40),
        onTime: true,
        late: 0,
        by: 'dec-1',
      },
    ]);
    x.send(tick(hm(2, 0)));
    expect(fired(x)).toEqual([]);
    expect(x.state().missed.map((m) => m.action)).not.toContain('act-posture');
    // why: the action is already taken; ticking it again by hand is refused, not counted twice.
    expect(x.send({ type: 'action.recorded', action: 'act-posture', role: 'fc' })).toBe(false);
    expect(foldExercise(scenario, x.log)).toEqual(x.state());
  });

  it('credits the role it was recorded for, and an option that names no action ticks nothing', () => {
    const x = started();
    x.send(tick(hm(0, 15)));
    x.send({ type: 'decision.recorded', role: 'poc-adviser', step: 'posture', options: ['wait-and-see'] });
    expect(x.state().actions).toEqual([]);
    x.send({ type: 'decision.recorded', role: 'hom', step: 'posture', options: ['raise-posture'] });
    expect(x.state().actions[0]).toMatchObject({ action: 'act-posture', role: 'hom', expectedRole: 'fc' });
  });

  it('counts a decision after the due time as late, and takes the action off the missed list', () => {
    const x = started();
    x.send(tick(hm(0, 50)));
    expect(fired(x)).toEqual([['ev-no-posture', hm(0, 40)]]);
    x.send({ type: 'decision.recorded', role: 'fc', step: 'posture', options: ['raise-posture'] });
    expect(x.state().missed.map((m) => m.action)).not.toContain('act-posture');
    expect(x.state().actions[0]).toMatchObject({ onTime: false, late: hm(0, 10) });
  });
});

describe('correcting the record', () => {
  it('undoes a decision before the due time: the action is awaited again; redone, it is taken at the decision time', () => {
    const x = started();
    x.send(tick(hm(0, 20)));
    x.send({ type: 'decision.recorded', role: 'fc', step: 'posture', options: ['raise-posture'] });
    x.send(tick(hm(0, 5)));
    expect(x.send({ type: 'record.undone', record: 'dec-1' })).toBe(true);
    expect(x.state().decisions).toEqual([]);
    expect(x.state().pending.map((p) => [p.action, p.due])).toContainEqual(['act-posture', hm(0, 40)]);
    expect(x.send({ type: 'record.undone', record: 'dec-1' })).toBe(false);
    expect(x.send({ type: 'record.redone', record: 'dec-1' })).toBe(true);
    expect(x.state().actions.map((a) => [a.action, a.at, a.onTime])).toEqual([
      ['act-posture', hm(0, 20), true],
    ]);
    expect(x.state().corrections).toEqual([
      { record: 'dec-1', kind: 'undone', at: hm(0, 25) },
      { record: 'dec-1', kind: 'redone', at: hm(0, 25) },
    ]);
    // why: the log keeps the decision and both corrections; nothing recorded is erased.
    expect(x.log.map((e) => e.type)).toEqual([
      'exercise.started',
      'clock.ticked',
      'decision.recorded',
      'clock.ticked',
      'record.undone',
      'record.redone',
    ]);
    x.send(tick(hm(2, 0)));
    expect(fired(x)).toEqual([]);
    expect(foldExercise(scenario, x.log)).toEqual(x.state());
  });

  it('undoes a ticked action after its due time: it is missed, and its contingency is left for the facilitator to fire', () => {
    const x = started();
    x.send(tick(hm(0, 15)));
    x.send({ type: 'action.recorded', action: 'act-posture', role: 'fc' });
    x.send(tick(hm(0, 35)));
    x.send({ type: 'record.undone', record: 'take-1' });
    expect(x.state().missed.find((m) => m.action === 'act-posture')).toEqual({
      action: 'act-posture',
      role: 'fc',
      inject: 'ev-warning',
      due: hm(0, 40),
    });
    expect(fired(x)).toEqual([]);
    expect(x.check({ type: 'contingency.fired', inject: 'ev-no-posture' })).toBeUndefined();
    x.send({ type: 'record.redone', record: 'take-1' });
    expect(x.state().actions.map((a) => [a.action, a.onTime])).toEqual([['act-posture', true]]);
    expect(x.state().missed.map((m) => m.action)).not.toContain('act-posture');
  });

  it('undoes a skip: an inject still to come is scheduled again, one whose time has passed is released now', () => {
    const x = started();
    x.send({ type: 'inject.skipped', inject: 'ev-attack' });
    x.send({ type: 'inject.skipped', inject: 'ev-intel' });
    x.send(tick(hm(0, 30)));
    x.send({ type: 'record.undone', record: 'skip-1' });
    expect(x.state().upcoming.map((u) => [u.inject, u.at])).toEqual([['ev-attack', hm(1, 0)]]);
    x.send({ type: 'record.undone', record: 'skip-2' });
    expect(x.state().released.at(-1)).toMatchObject({
      inject: 'ev-intel',
      at: hm(0, 30),
      how: 'facilitator',
    });
    expect(x.send({ type: 'record.redone', record: 'skip-2' })).toBe(false);
    expect(x.send({ type: 'record.redone', record: 'skip-1' })).toBe(true);
    expect(x.state().upcoming).toEqual([]);
  });

  it('amends and undoes notes, hotwash entries and ratings; an undone rating brings the earlier one back', () => {
    const x = started();
    x.send({ type: 'note.recorded', role: 'fc', text: 'Asked for the map twice' });
    x.send({ type: 'evaluation.rated', point: 'ep-warning', rating: 'major-challenges' });
    x.send({ type: 'evaluation.rated', point: 'ep-warning', rating: 'unable', comment: 'Slow' });
    x.send({ type: 'hotwash.recorded', role: 'hom', kind: 'improvement', text: 'Warn earlier' });
    expect(x.send({ type: 'record.amended', record: 'note-1', text: 'Asked for the map three times' })).toBe(
      true,
    );
    expect(x.state().notes[0]?.text).toBe('Asked for the map three times');
    expect(x.send({ type: 'record.amended', record: 'rate-3', comment: 'Slow to start' })).toBe(true);
    expect(x.state().ratings['ep-warning']).toMatchObject({ rating: 'unable', comment: 'Slow to start' });
    x.send({ type: 'record.undone', record: 'rate-3' });
    expect(x.state().ratings['ep-warning']).toMatchObject({ id: 'rate-2', rating: 'major-challenges' });
    expect(
      x.send({ type: 'record.amended', record: 'hw-1', text: 'Agree warning thresholds with JMAC' }),
    ).toBe(true);
    expect(x.state().corrective.find((r) => r.id === 'hw-1')?.action).toBe(
      'Agree warning thresholds with JMAC',
    );
    x.send({ type: 'record.undone', record: 'hw-1' });
    expect(x.state().hotwash).toEqual([]);
    expect(x.state().corrective.map((r) => r.id)).not.toContain('hw-1');
    x.send({ type: 'record.redone', record: 'hw-1' });
    expect(x.state().hotwash.map((h) => h.text)).toEqual(['Agree warning thresholds with JMAC']);
    // why: a new hotwash entry after an undo must not reuse the number a corrective row refers to.
    x.send({ type: 'record.undone', record: 'hw-1' });
    x.send({ type: 'hotwash.recorded', role: 'hom', kind: 'strength', text: 'Calm' });
    expect(x.state().hotwash.map((h) => h.id)).toEqual(['hw-2']);
    expect(x.send({ type: 'record.amended', record: 'note-1', text: '' })).toBe(false);
    expect(x.send({ type: 'record.amended', record: 'nope', text: 'x' })).toBe(false);
    expect(foldExercise(scenario, x.log)).toEqual(x.state());
  });

  it('refuses to amend the words of a taken action or of a decision picked from the options', () => {
    const x = started();
    x.send(tick(hm(0, 15)));
    x.send({ type: 'decision.recorded', role: 'fc', step: 'posture', options: ['raise-posture'] });
    expect(x.send({ type: 'record.amended', record: 'dec-1', text: 'other' })).toBe(false);
    expect(x.send({ type: 'record.amended', record: 'dec-1:act-posture', text: 'other' })).toBe(false);
  });
});

describe('moving the clock past awaited actions', () => {
  it('previews what a move would miss and fire, without moving', () => {
    const x = started();
    x.send(tick(hm(0, 25)));
    const before = x.state();
    expect(previewClock(scenario, before, hm(0, 35))).toEqual({
      missed: [
        { action: 'act-brief', role: 'poc-adviser', inject: 'ev-intel', due: hm(0, 35) },
        { action: 'act-posture', role: 'fc', inject: 'ev-warning', due: hm(0, 40) },
      ],
      fired: ['ev-no-posture'],
      released: ['ev-attack'],
    });
    expect(x.state()).toBe(before);
  });

  it('jumps holding the awaited actions open, each keeping the time it had left', () => {
    const x = started();
    x.send(tick(hm(0, 25)));
    x.send({ type: 'exercise.paused' });
    expect(x.send({ type: 'clock.jumped', seconds: hm(0, 35) })).toBe(true);
    expect(x.state().time).toBe(hm(1, 0));
    expect(x.state().missed).toEqual([]);
    expect(fired(x)).toEqual([]);
    expect(x.state().pending.map((p) => [p.action, p.due])).toEqual([
      ['act-brief', hm(1, 10)],
      ['act-posture', hm(1, 15)],
      ['act-qrf', hm(1, 30)],
      ['act-statement', hm(2, 0)],
    ]);
    expect(x.log.at(-1)).toEqual({ type: 'clock.jumped', seconds: hm(0, 35) });
    expect(foldExercise(scenario, x.log)).toEqual(x.state());
  });
});

describe('satisfiedBy in the scenario file', () => {
  it('must name options of the step its inject puts to the table', () => {
    const yaml = exerciseWith((d) => {
      d.exercise.msel[0].expects[0].satisfiedBy = ['interpose'];
      d.exercise.msel[1].expects[0].satisfiedBy = ['raise-posture'];
    });
    const r = loadText(yaml, [{ path: 'fr.yaml', text: exerciseFrYaml() }]);
    expect(r.bundle).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.field, d.message])).toEqual([
      [
        'exercise.msel[0].expects[0].satisfiedBy[0]',
        expect.stringContaining('not an option of step "posture"'),
      ],
      ['exercise.msel[1].expects[0].satisfiedBy[0]', expect.stringContaining('puts no step to the table')],
    ]);
  });
});

describe('the leadership tabletop played headless with every action taken', () => {
  const folder = join(import.meta.dirname, '..', '..', '..', 'scenarios');
  it.each(['ttx-leadership-tessako', 'cpx-cpoc-sela'])(
    '%s records the expected options, so no decision breaks doctrine and nothing is missed',
    (id) => {
      const bundle = loadScenarioFolder(join(folder, id)).bundle!;
      const s = playExerciseHeadless(bundle.scenario).state();
      const steps = new Map(bundle.scenario.steps.map((st) => [st.id, st]));
      const broken = s.decisions.flatMap((d) =>
        d.options.flatMap((o) => steps.get(d.step!)!.decision!.options.find((x) => x.id === o)!.breaks),
      );
      expect(broken.filter((b) => CATALOGUE.get(b)?.kind === 'dont')).toEqual([]);
      expect(s.missed).toEqual([]);
      expect(s.released.filter((r) => r.how === 'contingency')).toEqual([]);
      // why: the decisions themselves tick the actions their options name.
      expect(s.actions.filter((a) => a.by).length).toBeGreaterThanOrEqual(10);
    },
  );
});
