import type { ComponentChildren } from 'preact';
import { useEffect, useErrorBoundary } from 'preact/hooks';
import { AppFooter, AppHeader } from '../app-header.tsx';
import { useI18n } from '../i18n-context.tsx';

// why: a screen that throws (a corrupt run, a scenario the engine refuses) must leave a message and a
// way back, never a blank page.
export function ScreenGuard({ children, onBack }: { children: ComponentChildren; onBack(): void }) {
  const { t } = useI18n();
  const [error, reset] = useErrorBoundary();
  if (!error) return <>{children}</>;
  return (
    <>
      <AppHeader />
      <main id="main" class="page">
        <div class="alert alert-critical" role="alert">
          <p>{t('app.screenFailed')}</p>
          <p class="muted">{error instanceof Error ? error.message : String(error)}</p>
          <button
            type="button"
            class="button button-primary"
            onClick={() => {
              reset();
              onBack();
            }}
          >
            {t('debrief.back')}
          </button>
        </div>
      </main>
      <AppFooter />
    </>
  );
}

/** Keeps the browser tab title in step with the screen, so screen-reader users hear where they are. */
export function DocumentTitle({ title }: { title: string }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return null;
}
