import { useEffect } from 'preact/hooks';
import type { AudioPort } from '../../audio/audio-port.ts';
import { timeLimitsOf } from '../../engine/run/run.ts';
import { scenarioText } from '../../engine/run/run-view.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { createSessionId } from '../../progress/run-observer.ts';
import type { KeyValueStorage } from '../../progress/settings.ts';
import { Briefing } from '../briefing.tsx';
import { BreakScreen, TakeABreak } from '../content-note.tsx';
import { useI18n } from '../i18n-context.tsx';
import { PlayScreen } from '../play-screen.tsx';
import type { LoadSituationMap } from '../situation-panel.tsx';
import { type ContentNoteChoices, contentNoteFor } from '../trainer-settings.tsx';
import type { ScenarioView } from './addresses.ts';
import { Loading, type useLazyModule } from './lazy-screen.tsx';
import { LeaveRunDialog } from './leave-run-dialog.tsx';
import type { Session, TraineeRuns } from './trainee-runs.ts';

type DebriefModule = typeof import('../debrief-page.tsx');

interface Shared {
  runs: TraineeRuns;
  noteChoices: ContentNoteChoices;
  storage?: KeyValueStorage | undefined;
  toMenu(): void;
  toAuthor(): void;
  prefetchMap?: (() => void) | undefined;
}

/**
 * A scenario's briefing, debrief or break screen, as its address names it
 * (`#/scenario/<id>[/debrief|/break]`). When the app does not hold that screen (a reload, Back,
 * Forward), it brings it back first; the play screen is drawn by the app itself (`LiveRun`), so
 * that a change of address never restarts a run in progress.
 */
export function ScenarioScreen({
  id,
  view,
  preview,
  debrief,
  recordResult,
  ...shared
}: Shared & {
  id: string;
  view: ScenarioView;
  preview: boolean;
  debrief: ReturnType<typeof useLazyModule<DebriefModule>>;
  recordResult(scenario: string, run: { overall: number; passed: boolean }): void;
}) {
  const { runs, noteChoices, storage, toMenu, toAuthor, prefetchMap } = shared;
  const s = runs.session;
  const here = s && s.bundle.scenario.id === id && !!s.preview === preview && s.name === view ? s : null;
  // why: recover only when the address and the held screen disagree; recovering settles them.
  useEffect(() => {
    if (here) return;
    return runs.recover(id, view, preview);
  }, [id, view, preview, !here]);
  const briefing = here?.name === 'briefing';
  useEffect(() => {
    if (briefing) prefetchMap?.();
  }, [briefing, prefetchMap]);
  if (!here || here.name === 'play') {
    const failed = runs.opening?.id === id && runs.opening.failed;
    return (
      <Loading
        failed={failed}
        onRetry={() => runs.recover(id, view, preview)}
        messages={['app.loadingScenario', 'app.scenarioFailed']}
      />
    );
  }
  const note = contentNoteFor(here.bundle.scenario, noteChoices);
  const back = here.preview ? toAuthor : toMenu;
  const backKey = here.preview ? 'author.backToPreview' : undefined;
  switch (here.name) {
    case 'briefing':
      return (
        <Briefing
          bundle={here.bundle}
          onStart={(timeLimits) => runs.start(here.bundle, here.preview, undefined, timeLimits)}
          storage={storage}
          onBack={back}
          backKey={backKey}
          contentNote={note}
          onTakeBreak={runs.takeBreak}
        />
      );
    case 'break':
      return <BreakTitle session={here} onBack={toMenu} />;
    case 'debrief':
      return debrief.module ? (
        <debrief.module.DebriefPage
          bundle={here.bundle}
          log={here.log}
          onFinished={here.preview || here.kept ? undefined : recordResult}
          onPlayAgain={() => runs.start(here.bundle, here.preview, undefined, timeLimitsOf(here.log))}
          onReplayFrom={(log) =>
            // why: a replay is a new run (fresh id) that starts from the original log up to a decision.
            runs.start(here.bundle, here.preview, {
              id: createSessionId(),
              log,
              startedAt: new Date().toISOString(),
            })
          }
          onBack={back}
          backKey={backKey}
          storage={storage}
          times={here.times}
          headerTools={note && <TakeABreak onLeave={runs.takeBreak} />}
        />
      ) : (
        <Loading
          failed={debrief.failed}
          onRetry={debrief.retry}
          messages={['app.loadingDebrief', 'app.debriefFailed']}
        />
      );
  }
}

function BreakTitle({ session, onBack }: { session: Session; onBack(): void }) {
  const { lang } = useI18n();
  return <BreakScreen title={scenarioText(session.bundle, lang, textKey.title())} onBack={onBack} />;
}

/**
 * The run in progress. It stays on screen while the address says something else (Back, Forward,
 * a typed address) until the trainee answers the app's dialog: stay in the run, or leave it
 * (kept, to continue later) for where they were going.
 */
export function LiveRun({
  session,
  audio,
  loadMap,
  noteChoices,
  runs,
  asking,
  onQuit,
  onStay,
  onLeave,
}: {
  session: Extract<Session, { name: 'play' }>;
  audio: AudioPort;
  loadMap?: LoadSituationMap | undefined;
  noteChoices: ContentNoteChoices;
  runs: TraineeRuns;
  /** The dialog is open: the clock stops meanwhile. */
  asking: boolean;
  onQuit(): void;
  onStay(): void;
  onLeave(): void;
}) {
  return (
    <>
      <PlayScreen
        key={session.attempt}
        bundle={session.bundle}
        run={session.run}
        audio={audio}
        loadMap={loadMap}
        onFinished={runs.finish}
        onQuit={onQuit}
        contentNote={contentNoteFor(session.bundle.scenario, noteChoices)}
        onTakeBreak={runs.takeBreak}
        startPaused={!!session.session?.resumed}
        held={asking}
      />
      {asking && <LeaveRunDialog onStay={onStay} onLeave={onLeave} />}
    </>
  );
}
