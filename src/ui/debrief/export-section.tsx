import { useState } from 'preact/hooks';
import { useI18n } from '../i18n-context.tsx';
import type { ExportFile } from './exports.ts';
import { MAX_TRAINEE_NAME } from './trainee-name.ts';

/** The trainee's name for their trainer, and the downloads and print of the report. */
export function ExportSection({
  name,
  onNameChange,
  makeJson,
  makeCsv,
  download,
  print,
}: {
  name: string;
  onNameChange(name: string): void;
  makeJson(): ExportFile;
  makeCsv(): ExportFile;
  download(file: ExportFile): void;
  print(): void;
}) {
  const { t } = useI18n();
  const [saved, setSaved] = useState('');
  const save = (file: ExportFile) => {
    download(file);
    setSaved(t('report.export.saved', { file: file.name }));
  };
  return (
    <section class="card export-section no-print" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('report.export.heading')}</h2>
      <p class="muted">{t('report.export.intro')}</p>
      <div class="field">
        <label for="trainee-name">{t('report.export.name')}</label>
        <input
          id="trainee-name"
          class="text-input"
          type="text"
          autocomplete="name"
          maxLength={MAX_TRAINEE_NAME}
          value={name}
          aria-describedby="trainee-name-hint"
          onInput={(e) => onNameChange((e.currentTarget as HTMLInputElement).value)}
        />
        <p id="trainee-name-hint" class="field-hint">
          {t('report.export.nameHint')}
        </p>
      </div>
      <div class="export-buttons">
        <button type="button" class="button button-secondary" onClick={() => save(makeJson())}>
          {t('report.export.json')}
        </button>
        <button type="button" class="button button-secondary" onClick={() => save(makeCsv())}>
          {t('report.export.csv')}
        </button>
        <button type="button" class="button button-secondary" onClick={print}>
          {t('report.export.print')}
        </button>
      </div>
      <p class="export-status" role="status">
        {saved}
      </p>
    </section>
  );
}
