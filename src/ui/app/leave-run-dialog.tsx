import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n-context.tsx';

/**
 * Asks before a trainee leaves a run in progress, whether through the Leave button or the
 * browser's Back: the app's own modal (focus kept inside, Escape stays), in the app's language,
 * never the browser's `confirm`, which cannot be styled, translated or read the same way everywhere.
 */
export function LeaveRunDialog({ onStay, onLeave }: { onStay(): void; onLeave(): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (typeof d.showModal === 'function' && !d.open) d.showModal();
    else d.setAttribute('open', '');
    // why: the safe answer has the focus, so Enter or a stray tap does not end the run.
    stay.current?.focus();
    return () => {
      if (d.open && typeof d.close === 'function') d.close();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      class="break-dialog leave-dialog"
      aria-labelledby="leave-dialog-heading"
      aria-describedby="leave-dialog-text"
      onCancel={(e) => {
        e.preventDefault();
        onStay();
      }}
    >
      <h2 id="leave-dialog-heading">{t('play.leave.heading')}</h2>
      <p id="leave-dialog-text">{t('play.quitConfirm')}</p>
      <div class="break-dialog-actions">
        <button ref={stay} type="button" class="button button-primary" onClick={onStay}>
          {t('play.leave.stay')}
        </button>
        <button type="button" class="button button-secondary" onClick={onLeave}>
          {t('play.leave.leave')}
        </button>
      </div>
    </dialog>
  );
}
