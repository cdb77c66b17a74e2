import { CATALOGUE } from '../engine/doctrine/catalogue.ts';
import { PHASES, TIERS } from '../engine/doctrine/doctrine-entry.ts';
import { scenarioText } from '../engine/run/run-view.ts';
import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import type { Debrief } from '../engine/score/debrief.ts';
import { CRITICAL_CAP } from '../engine/score/score-run.ts';
import { createI18n } from '../i18n/i18n.ts';

/** Renders a debrief as plain text for the terminal, in the language asked for. */
export function formatDebriefText(bundle: ScenarioBundle, debrief: Debrief, language: string): string {
  const i18n = createI18n(language);
  const t = i18n.t.bind(i18n);
  const lang = language === 'fr' ? 'fr' : 'en';
  const text = (key: string) => scenarioText(bundle, language, key);
  const lines: string[] = [];
  lines.push(t('cli.title', { title: text(textKey.title()), version: debrief.scenario.version }));
  if (debrief.ending) {
    lines.push(
      t('cli.ending', {
        title: text(textKey.endingTitle(debrief.ending.id)),
        outcome: t(`doctrine.outcome.${debrief.ending.outcome}`),
      }),
    );
  } else lines.push(t('cli.unfinished'));
  const s = debrief.score;
  lines.push(
    t('cli.overall', {
      score: s.overall ?? '-',
      mastery: s.mastery,
      verdict: t(s.passed ? 'cli.passed' : 'cli.failed'),
    }),
  );
  if (s.criticalBreach) lines.push(t('cli.capped', { cap: CRITICAL_CAP }));
  else if (s.tooManyMajors) lines.push(t('cli.majors', { count: s.majorBreaches }));
  else if (s.harmedEnding) lines.push(t('cli.harmed'));
  const fmt = (v: number | null) => (v === null ? t('cli.notTouched') : String(v));
  lines.push('', `${t('cli.byTier')}:`);
  for (const tier of TIERS) lines.push(`  ${t(`doctrine.tier.${tier}`)}: ${fmt(s.byTier[tier])}`);
  lines.push(`${t('cli.byPhase')}:`);
  for (const p of PHASES) lines.push(`  ${t(`doctrine.phase.${p}`)}: ${fmt(s.byPhase[p])}`);
  lines.push('', `${t('cli.decisions')}:`);
  const label = (ids: string[]) => ids.map((id) => text(textKey.optionLabel(id))).join(' + ');
  debrief.decisions.forEach((d, i) => {
    lines.push(
      t('cli.decision', {
        index: i + 1,
        step: text(textKey.stepTitle(d.step)),
        phase: t(`doctrine.phase.${d.phase}`),
        elapsed: d.elapsed,
        choice: d.timedOut ? t('cli.timedOut') : label(d.options),
        score: d.score,
      }),
    );
    for (const id of d.followed) {
      const e = CATALOGUE.get(id);
      lines.push(
        t('cli.followed', {
          id,
          section: t('doctrine.section', { section: e?.section }),
          summary: e?.summary[lang],
        }),
      );
    }
    for (const b of d.broken) {
      const e = CATALOGUE.get(b.doctrine);
      lines.push(
        t(b.duty ? 'cli.failedDuty' : 'cli.broke', {
          id: b.doctrine,
          severity: t(`doctrine.severity.${b.severity}`),
          section: t('doctrine.section', { section: e?.section }),
          summary: e?.summary[lang],
        }),
      );
    }
    if (d.better) lines.push(t('cli.better', { choice: label(d.better) }));
  });
  lines.push('', t('cli.violations', { count: debrief.violations.length }));
  return `${lines.join('\n')}\n`;
}
