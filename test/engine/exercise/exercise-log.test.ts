import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createExercise,
  type ExerciseEvent,
  ExerciseReplayError,
  foldExercise,
} from '../../../src/engine/exercise/exercise-log.ts';
import {
  buildExpectations,
  buildProjectorView,
  injectsFor,
} from '../../../src/engine/exercise/exercise-view.ts';
import { scaled } from '../../test-scale.ts';
import { exerciseScenario, hm, startedLog } from './exercise-factories.ts';

const scenario = exerciseScenario();
const tick = (seconds: number): ExerciseEvent => ({ type: 'clock.ticked', seconds });
const started = () => {
  const x = createExercise(scenario);
  x.send({ type: 'exercise.started' });
  return x;
};
const releasedIds = (x: { state(): { released: { inject: string }[] } }) =>
  x.state().released.map((r) => r.inject);

describe('an exercise log', () => {
  it('starts ready, with the scheduled injects upcoming in time order and the setting on the map', () => {
    const s = createExercise(scenario).state();
    expect(s).toMatchObject({ status: 'ready', time: 0, speed: 60, released: [] });
    expect(s.upcoming).toEqual([
      { inject: 'ev-warning', at: hm(0, 10) },
      { inject: 'ev-intel', at: hm(0, 20) },
      { inject: 'ev-attack', at: hm(1, 0) },
    ]);
    expect(s.map.locations.tamba).toEqual({ state: 'normal' });
  });

  it('releases each scheduled inject at its own time, even when one tick crosses several', () => {
    const x = started();
    expect(x.send(tick(hm(0, 9)))).toBe(true);
    expect(x.state().released).toEqual([]);
    x.send(tick(hm(0, 56)));
    expect(x.state().time).toBe(hm(1, 5));
    expect(x.state().released.map(({ inject, at, how }) => ({ inject, at, how }))).toEqual([
      { inject: 'ev-warning', at: hm(0, 10), how: 'scheduled' },
      { inject: 'ev-intel', at: hm(0, 20), how: 'scheduled' },
      // act-posture was due at 0:40: its contingency fired then, before ev-attack
      { inject: 'ev-no-posture', at: hm(0, 40), how: 'contingency' },
      { inject: 'ev-attack', at: hm(1, 0), how: 'scheduled' },
    ]);
    expect(x.state().upcoming).toEqual([]);
  });

  it('fires a contingency when its expected action is missed, and not when it is taken in time', () => {
    const x = started();
    x.send(tick(hm(0, 39)));
    expect(x.state().pending.map((p) => [p.action, p.due])).toEqual([['act-posture', hm(0, 40)]]);
    expect(x.state().missed.map((m) => m.action)).toEqual(['act-brief']);
    x.send(tick(60));
    expect(x.state().missed).toEqual([
      { action: 'act-brief', role: 'poc-adviser', inject: 'ev-intel', due: hm(0, 35) },
      { action: 'act-posture', role: 'fc', inject: 'ev-warning', due: hm(0, 40), fired: 'ev-no-posture' },
    ]);
    expect(x.state().released.at(-1)).toMatchObject({
      inject: 'ev-no-posture',
      at: hm(0, 40),
      how: 'contingency',
      trigger: 'act-posture',
    });
    expect(x.state().map.locations.tamba).toEqual({ state: 'tense' });

    const y = started();
    y.send(tick(hm(0, 30)));
    expect(y.send({ type: 'action.recorded', action: 'act-posture', role: 'fc' })).toBe(true);
    y.send(tick(hm(2, 0)));
    expect(releasedIds(y)).not.toContain('ev-no-posture');
    expect(y.state().actions[0]).toEqual({
      id: 'take-1',
      action: 'act-posture',
      role: 'fc',
      expectedRole: 'fc',
      inject: 'ev-warning',
      at: hm(0, 30),
      due: hm(0, 40),
      onTime: true,
      late: 0,
    });
  });

  it('counts an action recorded after its time as taken late, and takes it off the missed list', () => {
    const x = started();
    x.send(tick(hm(0, 50)));
    expect(x.state().missed.map((m) => m.action)).toContain('act-posture');
    x.send({ type: 'action.recorded', action: 'act-posture', role: 'hom' });
    expect(x.state().missed.map((m) => m.action)).not.toContain('act-posture');
    expect(x.state().actions[0]).toMatchObject({
      role: 'hom',
      expectedRole: 'fc',
      onTime: false,
      late: hm(0, 10),
    });
    expect(buildExpectations(scenario, x.state()).find((e) => e.action === 'act-posture')).toMatchObject({
      status: 'late',
      takenBy: 'hom',
    });
  });

  it('releases by hand once: the scheduled time later does not repeat it, and a skipped inject never comes', () => {
    const x = started();
    x.send(tick(hm(0, 5)));
    expect(x.send({ type: 'inject.released', inject: 'ev-attack' })).toBe(true);
    expect(x.send({ type: 'inject.skipped', inject: 'ev-intel' })).toBe(true);
    expect(x.send({ type: 'inject.released', inject: 'ev-attack' })).toBe(false);
    expect(x.send({ type: 'inject.released', inject: 'ev-intel' })).toBe(false);
    x.send(tick(hm(3, 0)));
    expect(x.state().released.map((r) => [r.inject, r.at, r.how])).toEqual([
      ['ev-attack', hm(0, 5), 'facilitator'],
      ['ev-warning', hm(0, 10), 'scheduled'],
      ['ev-no-posture', hm(0, 40), 'contingency'],
    ]);
    expect(x.state().skipped).toEqual([{ id: 'skip-1', inject: 'ev-intel', at: hm(0, 5) }]);
    expect(x.state().map.actors.residents?.at).toBe('tamba-camp');
  });

  it('fires a contingency by hand, only once, and only a contingency', () => {
    const x = started();
    expect(x.send({ type: 'contingency.fired', inject: 'ev-attack' })).toBe(false);
    expect(x.send({ type: 'contingency.fired', inject: 'ev-no-posture' })).toBe(true);
    x.send(tick(hm(1, 0)));
    expect(releasedIds(x).filter((id) => id === 'ev-no-posture')).toHaveLength(1);
    // act-posture was still missed, but its contingency was already out
    expect(x.state().missed.find((m) => m.action === 'act-posture')).not.toHaveProperty('fired');
  });

  it('refuses events that do not apply and logs nothing for them', () => {
    const x = createExercise(scenario);
    const refused: ExerciseEvent[] = [
      tick(60),
      { type: 'exercise.paused' },
      { type: 'inject.released', inject: 'ev-warning' },
    ];
    for (const e of refused) expect(x.send(e), e.type).toBe(false);
    x.send({ type: 'exercise.started' });
    x.send({ type: 'exercise.paused' });
    const before = x.state();
    const logBefore = [...x.log];
    for (const e of [
      tick(60),
      tick(-5),
      { type: 'exercise.paused' },
      { type: 'exercise.started' },
      { type: 'inject.released', inject: 'ev-nope' },
      { type: 'action.recorded', action: 'act-qrf', role: 'fc' },
      { type: 'action.recorded', action: 'act-nope', role: 'fc' },
      { type: 'note.recorded', role: 'dsrsg', text: 'Who?' },
      { type: 'note.recorded', role: 'fc', text: '   ' },
      { type: 'evaluation.rated', point: 'ep-warning', rating: 'excellent' },
      { type: 'speed.changed', speed: 0 },
      { type: 'speed.changed', speed: 1.5 },
      { type: 'corrective.removed', id: 'nothing' },
      { type: 'hotwash.recorded', role: 'fc', kind: 'praise', text: 'x' },
    ] as ExerciseEvent[]) {
      expect(x.check(e), JSON.stringify(e)).toBeDefined();
      expect(x.send(e), JSON.stringify(e)).toBe(false);
    }
    expect(x.state()).toBe(before);
    expect(x.log).toEqual(logBefore);
    x.send({ type: 'exercise.resumed' });
    expect(x.send(tick(60))).toBe(true);
    x.send({ type: 'exercise.ended' });
    expect(x.send(tick(60))).toBe(false);
    expect(x.send({ type: 'exercise.resumed' })).toBe(false);
    expect(x.send({ type: 'hotwash.recorded', role: 'fc', kind: 'strength', text: 'Clear orders.' })).toBe(
      true,
    );
  });

  it('merges consecutive ticks in the log, and folding the log gives the same state', () => {
    const x = started();
    for (let i = 0; i < 30; i++) x.send(tick(60));
    x.send({ type: 'exercise.paused' });
    x.send({ type: 'exercise.resumed' });
    x.send(tick(120));
    x.send(tick(60));
    expect(x.log).toEqual([
      { type: 'exercise.started' },
      tick(1800),
      { type: 'exercise.paused' },
      { type: 'exercise.resumed' },
      tick(180),
    ]);
    expect(foldExercise(scenario, x.log)).toEqual(x.state());
    expect(createExercise(scenario, x.log).state()).toEqual(x.state());
  });

  it('gives the same state however the same scenario time is split into ticks and pauses', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ seconds: fc.integer({ min: 1, max: 900 }), pause: fc.boolean() }), {
          minLength: 1,
          maxLength: 40,
        }),
        (ticks) => {
          const total = ticks.reduce((n, t) => n + t.seconds, 0);
          const split = startedLog();
          for (const t of ticks) {
            split.push(tick(t.seconds));
            if (t.pause) split.push({ type: 'exercise.paused' }, { type: 'exercise.resumed' });
          }
          const whole = foldExercise(scenario, startedLog(tick(total)));
          const parts = foldExercise(scenario, split);
          expect({ ...parts, status: whole.status }).toEqual(whole);
        },
      ),
      { numRuns: scaled(200) },
    );
  });

  it('refuses a saved log that does not fit, saying which event', () => {
    expect(() => foldExercise(scenario, startedLog({ type: 'inject.released', inject: 'ev-gone' }))).toThrow(
      ExerciseReplayError,
    );
    expect(() => createExercise(scenario, [tick(60)])).toThrow(/event 1 does not apply: clock.ticked/);
  });

  it('records decisions from the file or as free text, checking options, picks, tiers and doctrine', () => {
    const x = started();
    const ok = (e: Omit<Extract<ExerciseEvent, { type: 'decision.recorded' }>, 'type'>) =>
      x.send({ type: 'decision.recorded', ...e });
    expect(ok({ role: 'fc', step: 'posture', options: ['raise-posture'] })).toBe(true);
    expect(ok({ role: 'fc', step: 'posture', options: ['raise-posture', 'wait-and-see'] })).toBe(false);
    expect(ok({ role: 'fc', step: 'posture', options: ['interpose'] })).toBe(false);
    expect(ok({ role: 'fc', options: ['interpose'] })).toBe(false);
    expect(ok({ role: 'fc' })).toBe(false);
    expect(
      ok({
        role: 'hom',
        text: 'Call the governor.',
        tiers: ['I'],
        phases: ['pre-emption'],
        doctrine: ['15.4-do-2'],
      }),
    ).toBe(true);
    expect(ok({ role: 'hom', text: 'x', doctrine: ['15.4-do-99'] })).toBe(false);
    expect(ok({ role: 'hom', text: 'x', tiers: ['IV' as never] })).toBe(false);
    expect(x.state().decisions).toEqual([
      {
        id: 'dec-1',
        role: 'fc',
        at: 0,
        step: 'posture',
        options: ['raise-posture'],
        tiers: [],
        phases: [],
        doctrine: [],
      },
      {
        id: 'dec-2',
        role: 'hom',
        at: 0,
        options: [],
        text: 'Call the governor.',
        tiers: ['I'],
        phases: ['pre-emption'],
        doctrine: ['15.4-do-2'],
      },
    ]);
  });

  it('keeps the latest rating of each evaluation point', () => {
    const x = started();
    x.send({ type: 'evaluation.rated', point: 'ep-warning', rating: 'major-challenges' });
    x.send({
      type: 'evaluation.rated',
      point: 'ep-warning',
      rating: 'some-challenges',
      comment: 'Better after the pause.',
    });
    expect(x.state().ratings).toEqual({
      'ep-warning': {
        id: 'rate-2',
        point: 'ep-warning',
        rating: 'some-challenges',
        comment: 'Better after the pause.',
        at: 0,
      },
    });
  });

  it('drafts corrective actions from improvements and missed actions, then keeps the edits', () => {
    const x = started();
    x.send(tick(hm(0, 45)));
    x.send({ type: 'exercise.ended' });
    x.send({ type: 'hotwash.recorded', role: 'fc', kind: 'strength', text: 'Calm in the room.' });
    x.send({
      type: 'hotwash.recorded',
      role: 'poc-adviser',
      kind: 'improvement',
      text: 'Pass warnings up faster.',
    });
    expect(x.state().corrective.map((r) => [r.id, r.source, r.role, r.action || r.actionKey])).toEqual([
      ['hw-2', 'improvement', 'poc-adviser', 'Pass warnings up faster.'],
      ['missed-act-brief', 'missed', 'poc-adviser', 'expects.act-brief.text'],
      ['missed-act-posture', 'missed', 'fc', 'expects.act-posture.text'],
    ]);
    x.send({
      type: 'corrective.set',
      id: 'missed-act-posture',
      action: 'Drill the QRF order.',
      role: 'fc',
      due: '30 days',
    });
    x.send({ type: 'corrective.removed', id: 'missed-act-brief' });
    x.send({
      type: 'corrective.set',
      id: 'ca-1',
      action: 'Update the contingency plan.',
      role: 'hom',
      due: '60 days',
    });
    x.send({ type: 'hotwash.recorded', role: 'hom', kind: 'improvement', text: 'Hold a statement ready.' });
    expect(x.state().corrective.map((r) => [r.id, r.source, r.edited, r.action, r.due])).toEqual([
      ['hw-2', 'improvement', false, 'Pass warnings up faster.', ''],
      ['hw-3', 'improvement', false, 'Hold a statement ready.', ''],
      ['missed-act-posture', 'missed', true, 'Drill the QRF order.', '30 days'],
      ['ca-1', 'facilitator', true, 'Update the contingency plan.', '60 days'],
    ]);
    expect(foldExercise(scenario, x.log).corrective).toEqual(x.state().corrective);
  });

  it('shows each role only the injects addressed to it, and the projector only public ones', () => {
    const x = started();
    x.send(tick(hm(1, 0)));
    x.send({ type: 'note.recorded', role: 'fc', text: 'Hesitated on the QRF.' });
    x.send({ type: 'evaluation.rated', point: 'ep-warning', rating: 'unable' });
    expect(injectsFor(x.state(), 'poc-adviser').map((r) => r.inject)).toEqual([
      'ev-warning',
      'ev-intel',
      'ev-no-posture',
    ]);
    expect(injectsFor(x.state(), 'hom').map((r) => r.inject)).toEqual([
      'ev-warning',
      'ev-no-posture',
      'ev-attack',
    ]);
    const view = buildProjectorView(scenario, x.state());
    expect(view.injects.map((i) => i.inject)).toEqual(['ev-warning', 'ev-no-posture', 'ev-attack']);
    expect(view.injects[2]).toEqual({
      inject: 'ev-attack',
      at: hm(1, 0),
      channel: 'radio',
      fromKey: 'msel.ev-attack.from',
      titleKey: 'msel.ev-attack.title',
      textKey: 'msel.ev-attack.text',
    });
    expect(view.moduleTitleKey).toBe('exercise.modules.m2-response.title');
    expect(view.map.locations.tamba).toEqual({ state: 'under-attack' });
    const json = JSON.stringify(view);
    for (const secret of ['Hesitated', 'unable', 'ev-intel', 'ratings', 'notes'])
      expect(json).not.toContain(secret);
  });
});
