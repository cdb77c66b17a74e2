import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../ui/i18n-context.tsx';
import type { UpdateNotice } from './update-notice.ts';
import './update-banner.css';

/**
 * Says a new version is ready, with a way to reload into it; the app shows it only on screens where
 * no run is in progress, so an update never interrupts one.
 */
export function UpdateBanner({ updates }: { updates: UpdateNotice }) {
  const { t } = useI18n();
  const [ready, setReady] = useState(() => updates.ready());
  const [later, setLater] = useState(false);
  useEffect(() => {
    setReady(updates.ready());
    return updates.subscribe(() => setReady(updates.ready()));
  }, [updates]);
  if (!ready || later) return null;
  return (
    <aside class="update-banner" aria-label={t('update.label')}>
      <div class="update-banner-inner" role="status">
        <p>{t('update.ready')}</p>
        <button type="button" class="button button-primary" onClick={() => updates.apply()}>
          {t('update.reload')}
        </button>
        <button type="button" class="button button-link" onClick={() => setLater(true)}>
          {t('update.later')}
        </button>
      </div>
    </aside>
  );
}
