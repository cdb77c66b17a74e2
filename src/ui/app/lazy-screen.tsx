import { useCallback, useEffect, useState } from 'preact/hooks';
import { AppFooter, AppHeader } from '../app-header.tsx';
import { useI18n } from '../i18n-context.tsx';

/** Loads a lazily imported screen while `needed`, with a way to try again after a failure. */
export function useLazyModule<M>(load: () => Promise<M>, needed: boolean) {
  const [module, setModule] = useState<M | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // why: attempt is a dependency so that "Try again" runs the load again.
  useEffect(() => {
    if (!needed || module) return;
    let cancelled = false;
    setFailed(false);
    load().then(
      (m) => {
        if (!cancelled) setModule(() => m);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [needed, module, load, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { module, failed, retry };
}

/** A screen whose code or data is on its way, or failed to come, with "Try again". */
export function Loading({
  failed = false,
  onRetry,
  messages: [loading, failure],
}: {
  failed?: boolean;
  onRetry?(): void;
  /** Keys of the message while loading and after a failure. */
  messages: [string, string];
}) {
  const { t } = useI18n();
  return (
    <>
      <AppHeader />
      <main id="main" class="page">
        <div class="loading" role="status">
          <p>{t(failed ? failure : loading)}</p>
          {failed && onRetry && (
            <button type="button" class="button button-primary" onClick={onRetry}>
              {t('app.retry')}
            </button>
          )}
        </div>
      </main>
      <AppFooter />
    </>
  );
}
