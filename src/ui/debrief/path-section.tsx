import { useEffect, useState } from 'preact/hooks';
import type { Scenario } from '../../engine/scenario/scenario.schema.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import type { RunPaths } from '../../engine/score/report-model.ts';
import { useI18n } from '../i18n-context.tsx';
import { pathVerdictText, type ReportContext } from './report-text.ts';

type GraphModule = typeof import('./path-graph.tsx');
const importGraph = () => import('./path-graph.tsx');

/** The title of a path node: a step's title or an ending's. */
export function nodeTitle(ctx: ReportContext, scenario: Scenario, id: string): string {
  const ending = scenario.endings.some((e) => e.id === id);
  return ctx.text(ending ? textKey.endingTitle(id) : textKey.stepTitle(id));
}

function PathList({
  ids,
  ctx,
  scenario,
  mark,
  off,
  class: className,
}: {
  ids: readonly string[];
  ctx: ReportContext;
  scenario: Scenario;
  /** Index of the first node off the best path, shown in bold. */
  mark?: number | null;
  /** Nodes the best path never visits, marked as such. */
  off?: ReadonlySet<string>;
  class: string;
}) {
  const { t } = useI18n();
  return (
    <ol class={`path-list ${className}`} lang={ctx.textLang}>
      {ids.map((id, i) => (
        <li key={`${id}-${i}`} class={mark === i ? 'path-off' : undefined}>
          {nodeTitle(ctx, scenario, id)}
          {off?.has(id) && (
            <span class="path-off-tag" lang={ctx.lang}>
              {' '}
              ({t('report.path.offBest')})
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The path taken against doctrine's best path: a drawn graph (loaded on demand) and the same in words. */
export function PathSection({
  scenario,
  paths,
  ctx,
  loadGraph = importGraph,
}: {
  scenario: Scenario;
  paths: RunPaths;
  ctx: ReportContext;
  loadGraph?: () => Promise<GraphModule>;
}) {
  const { t } = useI18n();
  const [graph, setGraph] = useState<GraphModule | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadGraph().then(
      (m) => live && setGraph(() => m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [loadGraph]);
  const d = paths.divergence;
  const reachedEnd = scenario.endings.some((e) => e.id === paths.taken[paths.taken.length - 1]);
  return (
    <>
      <p class="path-verdict">{pathVerdictText(ctx, paths, reachedEnd)}</p>
      <p class="muted path-intro no-print">{t('report.path.intro')}</p>
      <div class="path-graph-slot no-print">
        {graph ? (
          <graph.PathGraph
            scenario={scenario}
            paths={paths}
            titleOf={(id) => nodeTitle(ctx, scenario, id)}
            textLang={ctx.textLang}
          />
        ) : (
          <p class="muted" role="status">
            {t(failed ? 'report.path.failed' : 'report.path.loading')}
          </p>
        )}
      </div>
      <div class="path-lists">
        <div>
          <h3 class="subheading">{t('report.path.taken')}</h3>
          <PathList
            ids={paths.taken}
            ctx={ctx}
            scenario={scenario}
            mark={d}
            off={new Set(paths.taken.filter((id) => !paths.best.includes(id)))}
            class="path-list-taken"
          />
        </div>
        <div>
          <h3 class="subheading">{t('report.path.best')}</h3>
          <PathList ids={paths.best} ctx={ctx} scenario={scenario} class="path-list-best" />
        </div>
      </div>
    </>
  );
}
