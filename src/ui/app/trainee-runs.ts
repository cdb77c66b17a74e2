import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { createRun, initialLog, type Run } from '../../engine/run/run.ts';
import type { RunEvent } from '../../engine/run/run-state.ts';
import type { TimeLimitSetting } from '../../engine/run/time-limits.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import type { ScenarioListing } from '../../engine/scenario/scenario-listing.ts';
import { createSessionId, type RunObserver, type RunSession } from '../../progress/run-observer.ts';
import type { RunSaves } from '../../storage/run-saves.ts';
import type { SavedRun } from '../../storage/saved-run.ts';
import { address, type ScenarioView } from './addresses.ts';

/** A scenario in the menu, with a way to fetch the whole of it. */
export type ScenarioEntry = ScenarioListing & { load(): Promise<ScenarioBundle> };

/** A saved run to reopen where it stopped. */
export interface ResumeFrom {
  id: string;
  log: readonly RunEvent[];
  startedAt: string;
}

/** A run of a trainer's own file, started from the preview: it returns there and is not kept as progress. */
export interface Preview {
  startStep?: string;
}

/** The scenario a trainee has open, and which of its screens: what an address cannot carry. */
export type Session =
  | { name: 'briefing'; bundle: ScenarioBundle; preview?: Preview }
  /** Left through "Take a break": the run is kept, and where to find support. */
  | { name: 'break'; bundle: ScenarioBundle; preview?: undefined }
  | {
      name: 'play';
      bundle: ScenarioBundle;
      run: Run;
      attempt: number;
      preview?: Preview;
      session?: RunSession;
    }
  | {
      name: 'debrief';
      bundle: ScenarioBundle;
      log: readonly RunEvent[];
      preview?: Preview;
      /** When the run was played, for the run file the trainee may export. */
      times?: { startedAt: string; finishedAt: string };
      /** A finished run reopened from the saved runs: already counted in the progress. */
      kept?: boolean;
    };

/** The address of a session's screen. */
export function addressOfSession(s: Session): string {
  return address.scenario(s.bundle.scenario.id, s.name, !!s.preview);
}

type Navigate = (to: string, options?: { replace?: boolean }) => void;

/**
 * The trainee's open scenario and run, and every way into and out of them. Each change of screen
 * is also a new address (pushed, so Back returns), except where the old address must not come back:
 * a finished run replaces its play address with the debrief's.
 */
export function useTraineeRuns({
  scenarios,
  observers,
  saves,
  navigate,
  launch,
}: {
  scenarios: readonly ScenarioEntry[];
  observers: readonly RunObserver[];
  saves?: RunSaves | undefined;
  navigate: Navigate;
  launch?: { scenario: string; resume?: ResumeFrom } | undefined;
}) {
  const [session, setSession] = useState<Session | null>(null);
  const show = useCallback(
    (next: Session, replace = false) => {
      setSession(next);
      navigate(addressOfSession(next), { replace });
    },
    [navigate],
  );
  const attempts = useRef(0);
  const start = useCallback(
    (
      bundle: ScenarioBundle,
      preview?: Preview,
      resume?: ResumeFrom,
      timeLimits: TimeLimitSetting = 'standard',
      replace = false,
    ) => {
      attempts.current += 1;
      // why: the debrief replays the run's log against the screen's bundle, so a run started at a
      // later step must carry that start in the bundle itself, not only in the run.
      const played = preview?.startStep
        ? { ...bundle, scenario: { ...bundle.scenario, start: preview.startStep } }
        : bundle;
      // why: extended time enters the run as its first event; a resumed or replayed log carries its own.
      const run = createRun(played.scenario, resume?.log ?? initialLog(timeLimits));
      // why: trainer previews are not the trainee's runs, so nothing outside the tab follows them.
      const session: RunSession | undefined = preview
        ? undefined
        : {
            id: resume?.id ?? createSessionId(),
            bundle: played,
            run,
            startedAt: resume?.startedAt ?? new Date().toISOString(),
            resumed: !!resume,
          };
      if (session) {
        for (const o of observers) o.opened?.(session);
        run.subscribe(() => {
          for (const o of observers) o.changed?.(session);
        });
      }
      const next: Session = { name: 'play', bundle: played, run, attempt: attempts.current };
      if (preview) next.preview = preview;
      if (session) next.session = session;
      show(next, replace);
    },
    [observers, show],
  );
  // why: a run has one writing tab; when another tab plays it, the menu says so and offers to take
  // it over, and the run continues from the freshest copy in the store, not this tab's old one.
  const continueRun = useCallback(
    (bundle: ScenarioBundle, saved: SavedRun, takeOver?: boolean, replace = false) => {
      void (saves ? saves.take(saved.id, { takeOver }) : Promise.resolve(saved)).then((fresh) => {
        if (fresh === 'elsewhere') {
          if (replace) show({ name: 'briefing', bundle }, true);
          return;
        }
        const from = fresh ?? saved;
        start(
          bundle,
          undefined,
          { id: from.id, log: from.run.log, startedAt: from.run.startedAt ?? from.savedAt },
          undefined,
          replace,
        );
      });
    },
    [start, saves, show],
  );
  const reopenDebrief = useCallback(
    (bundle: ScenarioBundle, saved: SavedRun, replace = false) => {
      const startedAt = saved.run.startedAt ?? saved.savedAt;
      const finishedAt = saved.run.finishedAt ?? saved.savedAt;
      show(
        { name: 'debrief', bundle, log: saved.run.log, times: { startedAt, finishedAt }, kept: true },
        replace,
      );
    },
    [show],
  );
  const [opening, setOpening] = useState<{ id: string; failed: boolean } | null>(null);
  const open = useCallback(
    (id: string) => {
      const entry = scenarios.find((s) => s.id === id);
      if (!entry) return;
      setOpening({ id, failed: false });
      entry.load().then(
        (bundle) => {
          setOpening(null);
          show({ name: 'briefing', bundle });
        },
        () => setOpening({ id, failed: true }),
      );
    },
    [scenarios, show],
  );
  const finish = useCallback(
    (log: readonly RunEvent[]) => {
      if (session?.name !== 'play') return;
      if (session.session) for (const o of observers) o.finished?.(session.session);
      const times = session.session
        ? { startedAt: session.session.startedAt, finishedAt: new Date().toISOString() }
        : undefined;
      // why: a run another tab took over is that tab's to count; this copy is not recorded again.
      const takenOver = !!session.session && !!saves?.snapshot().takenOver.has(session.session.id);
      const next: Session = { name: 'debrief', bundle: session.bundle, log: [...log] };
      if (session.preview) next.preview = session.preview;
      if (times) next.times = times;
      if (takenOver) next.kept = true;
      // why: the run is over; Back from its debrief goes to the briefing, not into a finished run.
      show(next, true);
    },
    [session, observers, saves, show],
  );
  /** Leaves the run in progress (it stays saved); `to` is where the trainee is going, if known. */
  const leave = useCallback(
    (to?: string) => {
      if (session?.name !== 'play') return;
      if (session.session) for (const o of observers) o.left?.(session.session);
      const briefing: Session = { name: 'briefing', bundle: session.bundle };
      if (session.preview) briefing.preview = session.preview;
      setSession(briefing);
      if (to === undefined) navigate(session.preview ? address.author : address.menu);
    },
    [session, observers, navigate],
  );
  // why: leaving through "Take a break" keeps the run as it is (saved, not scored, to continue later)
  // and lands on a calm screen that says so, wherever in the run the trainee was.
  const takeBreak = useCallback(() => {
    if (!session) return;
    if (session.name === 'play' && session.session) {
      for (const o of observers) o.left?.(session.session);
    }
    show({ name: 'break', bundle: session.bundle });
  }, [session, observers, show]);
  // why: a trainer proofreads the briefing, objectives and content note too, so playing from the
  // start opens the briefing as a trainee sees it; a run from a later step goes straight in.
  const playPreview = useCallback(
    (bundle: ScenarioBundle, startStep?: string) =>
      startStep ? start(bundle, { startStep }) : show({ name: 'briefing', bundle, preview: {} }),
    [start, show],
  );

  /**
   * Brings the screen an address names when the app does not hold it: a reload, a bookmark, or
   * Back and Forward. The briefing loads its scenario; play continues the newest unfinished saved
   * run of it (or falls back to the briefing); the debrief reopens the newest finished one.
   */
  const recover = useCallback(
    (id: string, view: ScenarioView, preview: boolean): (() => void) => {
      let cancelled = false;
      // why: a trainer's own file is not in the list; without it in memory, the preview is the way back.
      if (preview) {
        if (session?.preview && session.bundle.scenario.id === id)
          show({ ...session, name: 'briefing' } as Session, true);
        else navigate(address.author, { replace: true });
        return () => undefined;
      }
      const entry = scenarios.find((s) => s.id === id);
      if (!entry) {
        navigate(address.menu, { replace: true });
        return () => undefined;
      }
      const held = session && !session.preview && session.bundle.scenario.id === id ? session.bundle : null;
      const withBundle = (bundle: ScenarioBundle) => {
        if (cancelled) return;
        if (view === 'briefing' || view === 'break') {
          setSession(view === 'break' ? { name: 'break', bundle } : { name: 'briefing', bundle });
          return;
        }
        const briefing = () => show({ name: 'briefing', bundle }, true);
        if (!saves) return briefing();
        const pick = () => {
          const snap = saves.snapshot();
          const status = view === 'play' ? 'in-progress' : 'finished';
          const saved = snap.runs.find((r) => r.run.scenario.id === id && r.status === status);
          if (!saved) return briefing();
          if (view === 'play') continueRun(bundle, saved, false, true);
          else reopenDebrief(bundle, saved, true);
        };
        if (saves.snapshot().loaded) return pick();
        const stop = saves.subscribe(() => {
          if (!saves.snapshot().loaded) return;
          stop();
          if (!cancelled) pick();
        });
      };
      if (held) withBundle(held);
      else {
        setOpening({ id, failed: false });
        entry.load().then(
          (bundle) => {
            setOpening(null);
            withBundle(bundle);
          },
          () => setOpening({ id, failed: true }),
        );
      }
      return () => {
        cancelled = true;
      };
    },
    [session, scenarios, saves, navigate, show, continueRun, reopenDebrief],
  );

  // why: an LMS launches one scenario; the trainee lands on its briefing, or back in the saved run.
  const launched = useRef(false);
  useEffect(() => {
    if (!launch || launched.current) return;
    launched.current = true;
    const entry = scenarios.find((s) => s.id === launch.scenario);
    const resume = launch.resume;
    if (!entry) return;
    if (!resume) {
      open(entry.id);
      return;
    }
    entry.load().then(
      (bundle) => {
        try {
          start(bundle, undefined, resume);
        } catch {
          // why: a saved log the scenario no longer accepts must not block the launch.
          show({ name: 'briefing', bundle });
        }
      },
      () => open(entry.id),
    );
  }, [launch, scenarios, open, start, show]);

  return {
    session,
    opening,
    open,
    start,
    continueRun,
    reopenDebrief,
    finish,
    leave,
    takeBreak,
    playPreview,
    recover,
  };
}

export type TraineeRuns = ReturnType<typeof useTraineeRuns>;
