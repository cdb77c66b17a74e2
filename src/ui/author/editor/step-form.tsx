import { PHASES, TIERS } from '../../../engine/doctrine/doctrine-entry.ts';
import { useI18n } from '../../i18n-context.tsx';
import { DoctrineList } from './doctrine-picker.tsx';
import { list, renameProblem, type ScenarioData } from './editor-model.ts';
import { CheckList, type FieldChange, NumberField, Row, SelectField, TextField } from './fields.tsx';
import { RenameId } from './rename-id.tsx';
import type { YamlPath } from './yaml-edit.ts';

/** What the step forms can do to the files, beyond setting one field. */
export interface StepActions {
  change: FieldChange;
  remove(path: YamlPath): void;
  removeStep(index: number): void;
  moveStep(from: number, to: number): void;
  addStep(after: number): void;
  addOption(step: number): void;
  removeOption(step: number, option: number): void;
  /** Points an exit at a target, dropping its routes. */
  connect(exitPath: YamlPath, target: string): void;
  /** Renames a step, option or ending with everything that refers to it. */
  rename(old: string, next: string): void;
  /** Starts dragging an exit's port toward a node of the graph. */
  startDrag(exitPath: YamlPath, label: string, event: PointerEvent): void;
}

/** One step: its texts, phase, decision, options (doctrine, effects, where each leads) and time-out. */
export function StepForm({
  data,
  index,
  actions,
  selected,
}: {
  data: ScenarioData;
  index: number;
  actions: StepActions;
  selected: boolean;
}) {
  const { t } = useI18n();
  const steps = list(data.steps);
  const step = steps[index]!;
  const path: YamlPath = ['steps', index];
  const d = step.decision && typeof step.decision === 'object' ? step.decision : undefined;
  const title = typeof step.title === 'string' ? step.title : String(step.id ?? '');
  return (
    <section
      class={`card ed-step${selected ? ' ed-selected' : ''}`}
      id={`ed-step-${step.id}`}
      data-edit-step={String(step.id)}
      aria-labelledby={`ed-step-h-${index}`}
    >
      <div class="ed-step-head">
        <h3 id={`ed-step-h-${index}`}>{t('editor.step.heading', { n: index + 1, title })}</h3>
        <RenameId
          id={String(step.id)}
          problem={(next) => renameProblem(data, String(step.id), next)}
          onRename={(next) => actions.rename(String(step.id), next)}
        />
        {data.start === step.id && <span class="badge badge-small">{t('editor.step.start')}</span>}
        <span class="ed-spacer" />
        <button
          type="button"
          class="button button-secondary ed-small"
          aria-label={t('editor.step.up')}
          title={t('editor.step.up')}
          disabled={index === 0}
          onClick={() => actions.moveStep(index, index - 1)}
        >
          ▲
        </button>
        <button
          type="button"
          class="button button-secondary ed-small"
          aria-label={t('editor.step.down')}
          title={t('editor.step.down')}
          disabled={index === steps.length - 1}
          onClick={() => actions.moveStep(index, index + 1)}
        >
          ▼
        </button>
        <button
          type="button"
          class="button button-secondary ed-small"
          disabled={steps.length < 2}
          onClick={() => actions.removeStep(index)}
        >
          {t('editor.step.remove')}
        </button>
      </div>
      <Row>
        <TextField
          label={t('editor.step.title')}
          path={[...path, 'title']}
          value={step.title}
          onChange={actions.change}
        />
        <SelectField
          label={t('editor.step.phase')}
          path={[...path, 'phase']}
          value={step.phase}
          options={PHASES.map((p) => ({ value: p, label: t(`doctrine.phase.${p}`) }))}
          onChange={actions.change}
        />
      </Row>
      <TextField
        label={t('editor.step.narration')}
        path={[...path, 'narration']}
        value={step.narration}
        onChange={actions.change}
        multiline
      />
      {(list(step.injects).length > 0 || list(step.map).length > 0 || step.effects) && (
        <p class="muted ed-elsewhere-step">
          {t('editor.step.elsewhere', {
            injects: list(step.injects).length,
            map: list(step.map).length,
            path: `steps[${index}]`,
          })}
        </p>
      )}
      {d ? (
        <DecisionForm data={data} index={index} decision={d} actions={actions} />
      ) : (
        <>
          <p class="muted">{t('editor.step.noDecisionNone')}</p>
          <TargetSelect
            label={t('editor.step.next')}
            data={data}
            path={[...path, 'next']}
            value={step.next}
            onChange={(v) => actions.connect(path, v)}
          />
        </>
      )}
      <div class="ed-actions">
        <button type="button" class="button button-secondary" onClick={() => actions.addStep(index)}>
          {t('editor.step.addAfter')}
        </button>
      </div>
    </section>
  );
}

function DecisionForm({
  data,
  index,
  decision: d,
  actions,
}: {
  data: ScenarioData;
  index: number;
  decision: ScenarioData;
  actions: StepActions;
}) {
  const { t } = useI18n();
  const path: YamlPath = ['steps', index, 'decision'];
  const options = list(d.options);
  const timed = typeof d.timeLimit === 'number';
  return (
    <div class="ed-decision">
      <TextField
        label={t('editor.step.prompt')}
        path={[...path, 'prompt']}
        value={d.prompt}
        onChange={actions.change}
      />
      <Row>
        <SelectField
          label={t('editor.step.mode')}
          path={[...path, 'mode']}
          value={d.mode ?? 'single'}
          options={[
            { value: 'single', label: t('editor.step.single') },
            { value: 'multi', label: t('editor.step.multi') },
          ]}
          onChange={actions.change}
        />
        {d.mode === 'multi' && (
          <NumberField
            label={t('editor.step.pick')}
            path={[...path, 'pick']}
            value={d.pick}
            min={1}
            onChange={actions.change}
            onClear={() => actions.remove([...path, 'pick'])}
          />
        )}
        <NumberField
          label={t('editor.step.timeLimit')}
          path={[...path, 'timeLimit']}
          value={d.timeLimit}
          min={5}
          onChange={actions.change}
          onClear={() => actions.remove([...path, 'timeLimit'])}
        />
      </Row>
      <ol class="ed-options">
        {options.map((o, k) => (
          <li key={k}>
            <OptionForm
              data={data}
              option={o}
              path={[...path, 'options', k]}
              n={k + 1}
              actions={actions}
              onRemove={options.length > 2 ? () => actions.removeOption(index, k) : undefined}
            />
          </li>
        ))}
      </ol>
      <button type="button" class="button button-secondary" onClick={() => actions.addOption(index)}>
        {t('editor.option.add')}
      </button>
      {(timed || d.noDecision) && (
        <fieldset class="ed-nodecision">
          <legend>{t('editor.step.noDecision')}</legend>
          <TextField
            label={t('editor.step.noDecisionFeedback')}
            path={[...path, 'noDecision', 'feedback']}
            value={d.noDecision?.feedback}
            onChange={actions.change}
            multiline
          />
          <ExitTarget
            data={data}
            exit={d.noDecision ?? {}}
            path={[...path, 'noDecision']}
            actions={actions}
            label={t('graph.noDecision')}
          />
        </fieldset>
      )}
    </div>
  );
}

function OptionForm({
  data,
  option: o,
  path,
  n,
  actions,
  onRemove,
}: {
  data: ScenarioData;
  option: ScenarioData;
  path: YamlPath;
  n: number;
  actions: StepActions;
  onRemove?: () => void;
}) {
  const { t } = useI18n();
  const variables = list(data.variables);
  const effects = o.effects && typeof o.effects === 'object' ? o.effects : {};
  const ids = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return (
    <div class="ed-option" data-edit-option={String(o.id)}>
      <div class="ed-step-head">
        <h4>{t('editor.option.heading', { n })}</h4>
        <RenameId
          id={String(o.id)}
          problem={(next) => renameProblem(data, String(o.id), next)}
          onRename={(next) => actions.rename(String(o.id), next)}
        />
        <span class="ed-spacer" />
        {onRemove && (
          <button type="button" class="button button-secondary ed-small" onClick={onRemove}>
            {t('editor.option.remove')}
          </button>
        )}
      </div>
      <TextField
        label={t('editor.option.label')}
        path={[...path, 'label']}
        value={o.label}
        onChange={actions.change}
      />
      <TextField
        label={t('editor.option.feedback')}
        path={[...path, 'feedback']}
        value={o.feedback}
        onChange={actions.change}
        multiline
      />
      <CheckList
        legend={t('editor.option.tiers')}
        path={[...path, 'tiers']}
        value={o.tiers}
        options={TIERS.map((tier) => ({ value: tier, label: t(`doctrine.tierShort.${tier}`) }))}
        onChange={actions.change}
      />
      <DoctrineList
        legend={t('editor.option.follows')}
        ids={ids(o.follows)}
        kind="do"
        situation={typeof data.situation === 'string' ? data.situation : undefined}
        onChange={(next) =>
          next.length ? actions.change([...path, 'follows'], next) : actions.remove([...path, 'follows'])
        }
      />
      <DoctrineList
        legend={t('editor.option.breaks')}
        ids={ids(o.breaks)}
        kind="dont"
        situation={typeof data.situation === 'string' ? data.situation : undefined}
        onChange={(next) =>
          next.length ? actions.change([...path, 'breaks'], next) : actions.remove([...path, 'breaks'])
        }
      />
      {variables.length > 0 && (
        <fieldset class="ed-field">
          <legend>{t('editor.option.effects')}</legend>
          <Row>
            {variables.map((v) => (
              <NumberField
                key={String(v.id)}
                label={typeof v.name === 'string' ? `${v.name} (${v.id})` : String(v.id)}
                path={[...path, 'effects', String(v.id)]}
                value={effects[String(v.id)]}
                onChange={actions.change}
                onClear={() =>
                  Object.keys(effects).length > 1
                    ? actions.remove([...path, 'effects', String(v.id)])
                    : actions.remove([...path, 'effects'])
                }
              />
            ))}
          </Row>
        </fieldset>
      )}
      <ExitTarget
        data={data}
        exit={o}
        path={path}
        actions={actions}
        label={typeof o.label === 'string' ? o.label : String(o.id)}
      />
    </div>
  );
}

/** Where an exit leads: one target with a port to drag onto the graph, or routes with conditions. */
function ExitTarget({
  data,
  exit,
  path,
  actions,
  label,
}: {
  data: ScenarioData;
  exit: ScenarioData;
  path: YamlPath;
  actions: StepActions;
  label: string;
}) {
  const { t } = useI18n();
  const routes = list(exit.routes);
  const port = (
    <button
      type="button"
      class="ed-port"
      aria-label={t('editor.option.port', { label })}
      title={t('editor.option.port', { label })}
      onPointerDown={(e) => {
        e.preventDefault();
        actions.startDrag(path, label, e);
      }}
      tabIndex={-1}
    >
      ●
    </button>
  );
  if (routes.length === 0) {
    return (
      <div class="ed-exit">
        <TargetSelect
          label={t('editor.option.leadsTo')}
          data={data}
          path={[...path, 'next']}
          value={exit.next}
          onChange={(v) => actions.connect(path, v)}
        />
        {port}
        <button
          type="button"
          class="button button-link ed-small"
          onClick={() =>
            actions.change(
              [...path, 'routes'],
              [
                { when: firstCondition(data), next: typeof exit.next === 'string' ? exit.next : '' },
                { next: typeof exit.next === 'string' ? exit.next : '' },
              ],
            )
          }
        >
          {t('editor.option.addRoute')}
        </button>
      </div>
    );
  }
  return (
    <fieldset class="ed-field ed-routes">
      <legend>{t('editor.option.routes')}</legend>
      {routes.map((r, k) => {
        const rp: YamlPath = [...path, 'routes', k];
        const last = k === routes.length - 1 && r.when === undefined;
        return (
          <div class="ed-route" key={k}>
            {last ? (
              <span class="ed-route-if">{t('editor.option.otherwise')}</span>
            ) : (
              <ConditionForm data={data} when={r.when} path={[...rp, 'when']} change={actions.change} />
            )}
            <TargetSelect
              label={t('editor.option.leadsTo')}
              data={data}
              path={[...rp, 'next']}
              value={r.next}
              onChange={(v) => actions.change([...rp, 'next'], v)}
            />
            {!last && (
              <button type="button" class="button button-link ed-small" onClick={() => actions.remove(rp)}>
                {t('editor.option.removeRoute')}
              </button>
            )}
          </div>
        );
      })}
      <button
        type="button"
        class="button button-link ed-small"
        onClick={() =>
          actions.change(
            [...path, 'routes'],
            [
              ...routes.slice(0, -1),
              { when: firstCondition(data), next: routes[routes.length - 1]?.next ?? '' },
              routes[routes.length - 1],
            ],
          )
        }
      >
        {t('editor.option.addRoute')}
      </button>
    </fieldset>
  );
}

function firstCondition(data: ScenarioData): ScenarioData {
  const v = list(data.variables)[0];
  return v
    ? { variable: String(v.id), atLeast: 1 }
    : { chose: String(list(list(data.steps)[0]?.decision?.options)[0]?.id ?? '') };
}

/** One condition of a route: a gauge at least or at most a value, or an option chosen or not. */
function ConditionForm({
  data,
  when,
  path,
  change,
}: {
  data: ScenarioData;
  when: unknown;
  path: YamlPath;
  change: FieldChange;
}) {
  const { t } = useI18n();
  const c = (Array.isArray(when) ? when[0] : when) as ScenarioData | undefined;
  const cpath = Array.isArray(when) ? [...path, 0] : path;
  if (!c || typeof c !== 'object') return null;
  const kind = 'chose' in c ? 'chose' : 'notChose' in c ? 'notChose' : 'atMost' in c ? 'atMost' : 'atLeast';
  const options = list(data.steps).flatMap((s) => list(s.decision?.options).map((o) => String(o.id)));
  const variables = list(data.variables).map((v) => String(v.id));
  const conditionLabel =
    kind === 'chose'
      ? t('editor.option.chose')
      : kind === 'notChose'
        ? t('editor.option.notChose')
        : kind === 'atMost'
          ? t('editor.option.atMost')
          : t('editor.option.atLeast');
  const setKind = (k: string) => {
    if (k === 'chose' || k === 'notChose') change(cpath, { [k]: options[0] ?? '' });
    else change(cpath, { variable: variables[0] ?? '', [k]: 1 });
  };
  return (
    <div class="ed-route-if">
      <span>{t('editor.option.if')}</span>
      <select
        aria-label={t('editor.option.if')}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value)}
      >
        {variables.length > 0 && <option value="atLeast">{t('editor.option.atLeast')}</option>}
        {variables.length > 0 && <option value="atMost">{t('editor.option.atMost')}</option>}
        <option value="chose">{t('editor.option.chose')}</option>
        <option value="notChose">{t('editor.option.notChose')}</option>
      </select>
      {kind === 'chose' || kind === 'notChose' ? (
        <select
          aria-label={conditionLabel}
          value={String(c[kind] ?? '')}
          onChange={(e) => change([...cpath, kind], e.currentTarget.value)}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <>
          <select
            aria-label={t('editor.option.effects')}
            value={String(c.variable ?? '')}
            onChange={(e) => change([...cpath, 'variable'], e.currentTarget.value)}
          >
            {variables.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
          <input
            type="number"
            aria-label={conditionLabel}
            value={typeof c[kind] === 'number' ? String(c[kind]) : ''}
            onInput={(e) => {
              const n = Number(e.currentTarget.value);
              if (e.currentTarget.value.trim() && Number.isFinite(n))
                change([...cpath, kind], n, [...cpath, kind].join('.'));
            }}
          />
        </>
      )}
    </div>
  );
}

/** A choice among the scenario's steps and endings. */
function TargetSelect({
  label,
  data,
  path,
  value,
  onChange,
}: {
  label: string;
  data: ScenarioData;
  path: YamlPath;
  value: unknown;
  onChange(target: string): void;
}) {
  const { t } = useI18n();
  const steps = list(data.steps);
  const endings = list(data.endings);
  const id = `ed-${path.join('-')}`;
  const current = typeof value === 'string' ? value : '';
  const known = [...steps, ...endings].some((x) => x.id === current);
  return (
    <div class="ed-field">
      <label for={id}>{label}</label>
      <select id={id} value={current} onChange={(e) => onChange(e.currentTarget.value)}>
        {!known && <option value={current}>{current}</option>}
        <optgroup label={t('editor.tabs.steps')}>
          {steps.map((s) => (
            <option key={String(s.id)} value={String(s.id)}>
              {typeof s.title === 'string' ? `${s.title} (${s.id})` : String(s.id)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('editor.tabs.endings')}>
          {endings.map((e) => (
            <option key={String(e.id)} value={String(e.id)}>
              {typeof e.title === 'string' ? `${e.title} (${e.id})` : String(e.id)}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
