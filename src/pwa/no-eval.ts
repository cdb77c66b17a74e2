/**
 * Tells zod, before it first loads, to build its parsers without `new Function`.
 * why: zod probes for eval by calling `new Function("")` in a try; the page's CSP refuses it, and
 * the browser reports a `securitypolicyviolation` for the probe even though zod falls back. zod
 * reads its settings from this global (zod/v4/core/core.js, the store behind `z.config`), so the
 * setting costs the first load no zod code; test/e2e/offline.test.ts fails if a probe comes back.
 */
export function keepZodFromEval(): void {
  const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
  scope.__zod_globalConfig ??= {};
  scope.__zod_globalConfig.jitless = true;
}
