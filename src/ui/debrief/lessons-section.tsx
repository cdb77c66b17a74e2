import type { Lesson, Lessons } from '../../engine/score/lessons.ts';
import { useI18n } from '../i18n-context.tsx';
import { type DoctrineLine, lessonText, type ReportContext } from './report-text.ts';

/** A doctrine entry cited in the report: summary, handbook section and id. */
export function DoctrineCitation({ line }: { line: DoctrineLine }) {
  return (
    <>
      <span class="doctrine-summary">{line.summary}</span> <span class="section-ref">{line.sectionText}</span>{' '}
      <code class="doctrine-id">{line.id}</code>
    </>
  );
}

function LessonList({
  lessons,
  ctx,
  empty,
  tone,
}: {
  lessons: readonly Lesson[];
  ctx: ReportContext;
  empty: string;
  tone: 'strength' | 'improvement' | 'next';
}) {
  if (lessons.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class={`lesson-list lesson-${tone}`}>
      {lessons.map((lesson, i) => {
        const { text, doctrine } = lessonText(ctx, lesson);
        return (
          <li key={`${lesson.key}-${i}`} class={`lesson lesson-key-${lesson.key}`}>
            <span class="lesson-mark" aria-hidden="true">
              {tone === 'strength'
                ? '✓'
                : tone === 'improvement'
                  ? lesson.key === 'criticalBroken' || lesson.key === 'criticalFailed'
                    ? '!'
                    : '✗'
                  : '→'}
            </span>
            <div class="lesson-body">
              <p class="lesson-text">{text}</p>
              {tone !== 'strength' && doctrine.length > 0 && (
                <ul class="lesson-doctrine">
                  {doctrine.map((line) => (
                    <li key={line.id}>
                      <DoctrineCitation line={line} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** Strengths, areas for improvement and "next time", written from the run (the page gives it a heading). */
export function LessonsSection({ lessons, ctx }: { lessons: Lessons; ctx: ReportContext }) {
  const { t } = useI18n();
  return (
    <>
      <div class="lessons-grid">
        <div class="lessons-column">
          <h3 class="lessons-heading lessons-heading-strength">{t('report.lessons.strengths')}</h3>
          <LessonList
            lessons={lessons.strengths}
            ctx={ctx}
            tone="strength"
            empty={t('report.lessons.noStrengths')}
          />
        </div>
        <div class="lessons-column">
          <h3 class="lessons-heading lessons-heading-improvement">{t('report.lessons.improvements')}</h3>
          <LessonList
            lessons={lessons.improvements}
            ctx={ctx}
            tone="improvement"
            empty={t('report.lessons.noImprovements')}
          />
        </div>
      </div>
      <h3 class="lessons-heading lessons-heading-next">{t('report.lessons.nextTime')}</h3>
      <LessonList lessons={lessons.nextTime} ctx={ctx} tone="next" empty={t('report.lessons.noNextTime')} />
    </>
  );
}
