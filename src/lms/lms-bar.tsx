import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../ui/i18n-context.tsx';
import type { LmsConnection, LmsState } from './lms-connection.ts';
import './lms-bar.css';

/** The strip above every screen of an LMS launch: whether results are recorded, and a way out. */
export function LmsBar({ connection }: { connection: LmsConnection }) {
  const { t } = useI18n();
  const [state, setState] = useState<LmsState>(connection.state());
  const [leaving, setLeaving] = useState(false);
  useEffect(() => {
    setState(connection.state());
    return connection.subscribe(() => setState(connection.state()));
  }, [connection]);

  const message =
    state.status === 'recording'
      ? t('lms.recording')
      : state.status === 'not-recording'
        ? t(state.mode === 'browse' ? 'lms.browse' : 'lms.review')
        : state.status === 'failed'
          ? t('lms.failed')
          : t(state.returning ? 'lms.returning' : 'lms.ended');
  const problem =
    state.status === 'failed' ? state.problem : state.status === 'recording' ? state.saveFailed : undefined;
  const waiting = state.waiting ?? 0;
  const tone = state.status === 'failed' || problem || waiting ? 'lms-bar-warn' : 'lms-bar-ok';
  const open = state.status === 'recording' || state.status === 'not-recording';

  return (
    <section class={`lms-bar ${tone}`} aria-label={t('lms.region')}>
      <div class="lms-bar-text" role="status">
        <p>
          <span class="lms-bar-icon" aria-hidden="true">
            {tone === 'lms-bar-ok' ? '●' : '▲'}
          </span>{' '}
          {message}
          {state.status === 'recording' && state.saveFailed ? ` ${t('lms.saveFailed')}` : ''}
        </p>
        {(waiting > 0 || state.progressWaiting) && (
          <p class="lms-bar-waiting">
            {waiting > 0 ? t('lms.waiting', { count: waiting }) : t('lms.progressWaiting')}{' '}
            {t(state.status === 'recording' ? 'lms.waitingRetry' : 'lms.waitingNextLaunch')}
          </p>
        )}
        {problem && <p class="lms-bar-detail">{t('lms.reason', { problem })}</p>}
        {connection.resumeProblem && (
          <p class="lms-bar-detail">
            {t('lms.resumeFailed')} {t('lms.reason', { problem: connection.resumeProblem })}
          </p>
        )}
      </div>
      {open && (
        <button
          type="button"
          class="button button-secondary lms-bar-exit"
          disabled={leaving}
          onClick={() => {
            setLeaving(true);
            void connection.exit();
          }}
        >
          {t('lms.exit')}
        </button>
      )}
    </section>
  );
}
