// A Web Worker that lints one scenario and posts the report back (see lint-runner.ts).
import { lintScenario } from '../../engine/analysis/lint-scenario.ts';
import { CATALOGUE } from '../../engine/doctrine/catalogue.ts';
import type { Scenario } from '../../engine/scenario/scenario.schema.ts';
import type { LintReply } from './lint-runner.ts';

self.onmessage = (e: MessageEvent<{ scenario: Scenario; maxStates: number }>) => {
  let reply: LintReply;
  try {
    reply = { ok: true, report: lintScenario(e.data.scenario, CATALOGUE, e.data.maxStates) };
  } catch (err) {
    reply = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
