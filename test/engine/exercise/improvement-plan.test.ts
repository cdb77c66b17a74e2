import { describe, expect, it } from 'vitest';
import { afterActionMarkdown, buildAfterActionReport } from '../../../src/engine/exercise/after-action.ts';
import { exerciseEventSchema } from '../../../src/engine/exercise/exercise-event.schema.ts';
import { createExercise, foldExercise } from '../../../src/engine/exercise/exercise-log.ts';
import { stripSourceTexts } from '../../../src/engine/scenario/scenario-listing.ts';
import { collectTexts } from '../../../src/engine/scenario/text-keys.ts';
import aarEn from '../../../src/i18n/locales/after-action/en.json';
import { loadText } from '../factories.ts';
import { exerciseWith, exerciseYaml, hm, startedLog } from './exercise-factories.ts';

// why: an improvement plan is a plan only when each line says what to do, in which area, by whom,
// by when and how far it has got; these are the facilitator's records and replay from the log.

const POSTURE_FIX = 'Agree with Sector HQ when the Force raises its posture on an early warning.';

/** The mini exercise with a corrective action written for the posture action. */
function withCorrective() {
  const r = loadText(
    exerciseWith((d) => {
      d.exercise.msel[0].expects[0].corrective = POSTURE_FIX;
    }),
  );
  if (!r.bundle) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.bundle.scenario;
}

const t = (key: string, params: Record<string, unknown> = {}) => {
  const value = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)?.[k], aarEn);
  return typeof value === 'string'
    ? value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''))
    : key;
};

describe('the improvement plan', () => {
  it('drafts the corrective action the scenario writes for a missed action, with its doctrine as the area', () => {
    const scenario = withCorrective();
    expect(collectTexts(scenario).find((x) => x.key === 'expects.act-posture.corrective')?.text).toBe(
      POSTURE_FIX,
    );
    const state = foldExercise(scenario, startedLog({ type: 'clock.ticked', seconds: hm(0, 45) }));
    const posture = state.corrective.find((r) => r.id === 'missed-act-posture')!;
    expect(posture).toMatchObject({
      actionKey: 'expects.act-posture.corrective',
      area: '15.4-do-6',
      role: 'fc',
      due: '',
      status: 'open',
      edited: false,
    });
    // the app's bundled scenario keeps its texts apart (an empty string in their place): same draft
    const bundled = stripSourceTexts({ scenario, texts: {} }).scenario;
    const inApp = foldExercise(bundled, startedLog({ type: 'clock.ticked', seconds: hm(0, 45) }));
    expect(inApp.corrective.find((r) => r.id === 'missed-act-posture')?.actionKey).toBe(
      'expects.act-posture.corrective',
    );
    // an action the file gives no corrective text keeps the action it missed as its draft
    expect(state.corrective.find((r) => r.id === 'missed-act-brief')?.actionKey).toBe(
      'expects.act-brief.text',
    );
  });

  it('records area, owner, due date and status as log events, replays them, and the report carries them', () => {
    const scenario = withCorrective();
    const x = createExercise(scenario, startedLog({ type: 'clock.ticked', seconds: hm(0, 45) }));
    expect(
      x.send({
        type: 'corrective.set',
        id: 'missed-act-posture',
        action: POSTURE_FIX,
        role: 'hom',
        due: '2027-01-31',
        area: 'Early warning and response (§15.4)',
        status: 'in-progress',
      }),
    ).toBe(true);
    expect(x.log.filter((e) => e.type === 'corrective.set')).toHaveLength(1);
    const row = x.state().corrective.find((r) => r.id === 'missed-act-posture')!;
    expect(row).toMatchObject({
      role: 'hom',
      area: 'Early warning and response (§15.4)',
      status: 'in-progress',
    });
    expect(foldExercise(scenario, x.log).corrective).toEqual(x.state().corrective);
    const md = afterActionMarkdown(buildAfterActionReport(scenario, x.state()), {
      t,
      text: (key) => (key === 'expects.act-posture.corrective' ? POSTURE_FIX : key),
      language: 'en',
    });
    expect(md).toContain(
      '| # | Corrective action | Capability or doctrine area | Responsible role | Due | Status |',
    );
    expect(md).toContain(
      `| ${POSTURE_FIX} | Early warning and response (§15.4) | exercise.roles.hom.name | 2027-01-31 | In progress |`,
    );
  });

  it('keeps the drafted area and an open status for an edit from a log written before they existed', () => {
    const scenario = withCorrective();
    const state = foldExercise(
      scenario,
      startedLog(
        { type: 'clock.ticked', seconds: hm(0, 45) },
        { type: 'corrective.set', id: 'missed-act-posture', action: 'Drill it.', role: 'fc', due: '30 days' },
      ),
    );
    expect(state.corrective.find((r) => r.id === 'missed-act-posture')).toMatchObject({
      action: 'Drill it.',
      area: '15.4-do-6',
      status: 'open',
      edited: true,
    });
  });

  it('refuses an unknown status, in the engine and at the file boundary', () => {
    const x = createExercise(withCorrective(), startedLog());
    const bad = { type: 'corrective.set', id: 'ca-1', action: 'A', role: 'fc', due: '', status: 'finished' };
    expect(x.check(bad as never)).toMatch(/status must be one of open, in-progress, done/);
    expect(exerciseEventSchema.safeParse(bad).success).toBe(false);
    expect(exerciseEventSchema.safeParse({ ...bad, status: 'done', area: 'POC' }).success).toBe(true);
  });

  it('reports an empty corrective text at its line and column in the scenario file', () => {
    const text = exerciseYaml().replace(
      '          satisfiedBy: [raise-posture]\n',
      "          satisfiedBy: [raise-posture]\n          corrective: ''\n",
    );
    const d = loadText(text).diagnostics.find((x) => x.field === 'exercise.msel[0].expects[0].corrective');
    expect(d?.severity).toBe('error');
    const line = text.split('\n').findIndex((l) => l.includes("corrective: ''")) + 1;
    expect(d?.line).toBe(line);
    expect(d?.col).toBe(text.split('\n')[line - 1]!.indexOf("''") + 1);
  });
});
