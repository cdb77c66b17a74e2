import { useMemo, useState } from 'preact/hooks';
import {
  buildCohortCsv,
  type CohortGroup,
  type CohortRow,
  type RowFlag,
} from '../../engine/results/cohort.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';
import {
  csvFileName,
  firstDirection,
  minutesAndSeconds,
  type SortDirection,
  type SortKey,
  sortRows,
} from './cohort-model.ts';

/** Formats scenario seconds as "6 min 12 s", or "48 s" under a minute. */
export function useDuration() {
  const { t } = useI18n();
  return (seconds: number) => {
    const parts = minutesAndSeconds(seconds);
    return parts.minutes ? t('cohort.time', parts) : t('cohort.timeSeconds', parts);
  };
}

const COLUMNS: SortKey[] = ['trainee', 'score', 'result', 'critical', 'time', 'ending'];

export function TraineeTable({
  group,
  texts,
  onAccept,
}: {
  group: CohortGroup;
  texts: ScenarioTexts;
  /** The trainer accepts (or stops accepting) an implausible run as genuine. */
  onAccept: (file: string, accept: boolean) => void;
}) {
  const { t, lang, formatNumber } = useI18n();
  const duration = useDuration();
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: 'trainee',
    direction: 'ascending',
  });
  const [exported, setExported] = useState<string | null>(null);
  const rows = useMemo(() => sortRows(group.rows, sort.key, sort.direction, lang), [group.rows, sort, lang]);
  const sortBy = (key: SortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: firstDirection(key) },
    );
  const exportCsv = () => {
    const name = csvFileName(group.scenario.id, new Date());
    // why: the byte-order mark lets spreadsheet programs read accented names as UTF-8.
    const blob = new Blob(['\uFEFF', buildCohortCsv(group)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setExported(name);
  };
  return (
    <section class="card cohort-table-card" aria-labelledby="cohort-table-heading">
      <div class="cohort-card-head">
        <h2 id="cohort-table-heading" class="cohort-section-heading" tabIndex={-1}>
          {t('cohort.table.heading')}
        </h2>
        <button type="button" class="button button-secondary" onClick={exportCsv}>
          <span aria-hidden="true">⇩</span> {t('cohort.table.export')}
        </button>
      </div>
      <p class="visually-hidden" role="status">
        {exported ? t('cohort.table.exported', { file: exported }) : ''}
      </p>
      <div class="table-scroll">
        <table class="cohort-table">
          <caption class="visually-hidden">{t('cohort.table.caption')}</caption>
          <thead>
            <tr>
              {COLUMNS.map((key) => (
                <th
                  key={key}
                  scope="col"
                  class={`col-${key}`}
                  aria-sort={sort.key === key ? sort.direction : undefined}
                >
                  <button type="button" class="sort-button" onClick={() => sortBy(key)}>
                    {t(`cohort.table.${key}`)}
                    <span class="sort-mark" aria-hidden="true">
                      {sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col" class="col-notes">
                {t('cohort.table.notes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.file} class={r.counted ? undefined : 'row-not-counted'}>
                <th scope="row" class="col-trainee">
                  <span class="trainee-name">{r.trainee}</span>
                  {r.namedByFile && <span class="trainee-hint">{t('cohort.table.fromFile')}</span>}
                </th>
                <td class="col-score">
                  {r.score === null ? (
                    <span class="muted">{t('cohort.table.notScored')}</span>
                  ) : (
                    <RowScore value={r.score} mastery={group.mastery} />
                  )}
                </td>
                <td class="col-result">
                  <span class={`result result-${r.result}`}>
                    <span aria-hidden="true">{RESULT_MARK[r.result]}</span>{' '}
                    {t(`cohort.table.resultValue.${r.result}`)}
                  </span>
                </td>
                <td class="col-critical">
                  {r.criticalDonts === null ? (
                    <span class="muted">–</span>
                  ) : r.criticalDonts > 0 ? (
                    <span class="critical-count">
                      <span aria-hidden="true">⚠ </span>
                      {formatNumber(r.criticalDonts)}
                    </span>
                  ) : (
                    formatNumber(0)
                  )}
                </td>
                <td class="col-time">
                  {r.decisionTime === null ? <span class="muted">–</span> : duration(r.decisionTime)}
                </td>
                <td class="col-ending">
                  {r.ending ? (
                    <>
                      <span class={`outcome-tag outcome-${r.ending.outcome}`}>
                        <span aria-hidden="true">{OUTCOME_MARK[r.ending.outcome]} </span>
                        {t(`doctrine.outcome.${r.ending.outcome}`)}
                      </span>
                      <span class="ending-title" lang={texts.lang}>
                        {texts.text(textKey.endingTitle(r.ending.id))}
                      </span>
                    </>
                  ) : (
                    <span class="muted">–</span>
                  )}
                </td>
                <td class="col-notes">
                  {r.flags.length > 0 && (
                    <ul class="flag-list">
                      {r.flags.map((f) => (
                        <li key={f.kind} class={`flag flag-${f.kind}`}>
                          {flagLabel(t, f)}
                          {f.kind === 'implausible' && (
                            <>
                              {' '}
                              <button
                                type="button"
                                class="button button-secondary button-accept"
                                aria-label={t(
                                  f.accepted ? 'cohort.table.unacceptLabel' : 'cohort.table.acceptLabel',
                                  {
                                    trainee: r.trainee,
                                  },
                                )}
                                onClick={() => onAccept(r.file, !f.accepted)}
                              >
                                {t(f.accepted ? 'cohort.table.unaccept' : 'cohort.table.accept')}
                              </button>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const OUTCOME_MARK = { protected: '●', partial: '◐', harmed: '○' } as const;

const RESULT_MARK: Record<CohortRow['result'], string> = {
  passed: '✓',
  failed: '✗',
  unfinished: '…',
  'not-scored': '–',
};

function flagLabel(t: ReturnType<typeof useI18n>['t'], f: RowFlag): string {
  switch (f.kind) {
    case 'migrated':
    case 'other-version':
      return t(`cohort.table.flag.${f.kind}`, { version: f.fromVersion });
    case 'edited-summary':
      return t('cohort.table.flag.edited-summary', { claimed: f.claimed.overall ?? '–' });
    case 'unfinished':
      return t('cohort.table.flag.unfinished');
    case 'implausible': {
      const reasons = f.reasons.map((i) => t(`cohort.table.implausible.${i.kind}`, { ...i })).join('; ');
      return t(f.accepted ? 'cohort.table.implausibleAccepted' : 'cohort.table.flag.implausible', {
        reasons,
      });
    }
  }
}

function RowScore({ value, mastery }: { value: number; mastery: number }) {
  const { formatNumber } = useI18n();
  const level = value >= mastery ? 'good' : value >= 40 ? 'fair' : 'poor';
  return (
    <span class={`row-score score-${level}`}>
      <span class="row-score-number">{formatNumber(value)}</span>
      <span class="row-score-track" aria-hidden="true">
        <span class="row-score-fill" style={{ inlineSize: `${value}%` }} />
        <span class="row-score-mastery" style={{ insetInlineStart: `${mastery}%` }} />
      </span>
    </span>
  );
}
