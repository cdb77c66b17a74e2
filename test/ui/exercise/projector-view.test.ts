import { describe, expect, it } from 'vitest';
import { createExercise } from '../../../src/engine/exercise/exercise-log.ts';
import { parseSyncMessage } from '../../../src/ui/exercise/exercise-sync.ts';
import { buildProjectorView, isProjectorView } from '../../../src/ui/exercise/projector-view.ts';
import { exerciseBundle, exerciseWith, hm, startedLog } from '../../engine/exercise/exercise-factories.ts';
import { loadText } from '../../engine/factories.ts';

const scenario = exerciseBundle().scenario;

describe('the projector view', () => {
  it('carries time, status and public injects, never notes, decisions, ratings or hotwash', () => {
    const ex = createExercise(
      scenario,
      startedLog(
        { type: 'clock.ticked', seconds: hm(0, 25) },
        { type: 'note.recorded', role: 'fc', text: 'SECRET-NOTE' },
        { type: 'decision.recorded', role: 'hom', text: 'SECRET-DECISION' },
        { type: 'evaluation.rated', point: 'ep-warning', rating: 'unable', comment: 'SECRET-RATING' },
      ),
    );
    const view = buildProjectorView(scenario, ex.state(), 'en');
    expect(view).toMatchObject({
      exercise: 'exercise-mini',
      language: 'en',
      status: 'running',
      time: hm(0, 25),
    });
    expect(view.injects).toEqual([{ id: 'ev-warning', at: hm(0, 10) }]);
    expect(JSON.stringify(view)).not.toMatch(/SECRET|ev-intel|unable|fc"/);
  });

  it("leaves out a role-only inject's map changes, which would tell the room what only one role knows", () => {
    const yaml = exerciseWith((d) => {
      d.exercise.msel[1].map = [{ actor: 'raiders', visible: true }];
    });
    const s = loadText(yaml).bundle!.scenario;
    const ex = createExercise(s, startedLog({ type: 'clock.ticked', seconds: hm(0, 25) }));
    expect(ex.state().map.actors.raiders!.visible).toBe(true);
    expect(buildProjectorView(s, ex.state(), 'en').map.actors.raiders!.visible).toBe(false);
  });

  it('is checked when it crosses from another window; malformed messages are ignored', () => {
    const view = buildProjectorView(scenario, createExercise(scenario).state(), 'fr');
    expect(isProjectorView(view)).toBe(true);
    expect(parseSyncMessage({ kind: 'projector.view', view })).toEqual({ kind: 'projector.view', view });
    expect(parseSyncMessage({ kind: 'projector.view', view: { ...view, language: 'de' } })).toBeNull();
    expect(parseSyncMessage({ kind: 'projector.view', view: { ...view, injects: [{ id: 3 }] } })).toBeNull();
    expect(parseSyncMessage({ kind: 'projector.hello', exercise: 'x' })).toEqual({
      kind: 'projector.hello',
      exercise: 'x',
    });
    expect(parseSyncMessage('hello')).toBeNull();
    expect(parseSyncMessage({ kind: 'note', text: 'x' })).toBeNull();
  });
});
