import { SITUATIONS } from '../../../engine/doctrine/catalogue.ts';
import { AUDIENCE_ROLES, CONTENT_TOPICS, OUTCOMES } from '../../../engine/scenario/scenario.schema.ts';
import { useI18n } from '../../i18n-context.tsx';
import { list, renameProblem, type ScenarioData } from './editor-model.ts';
import { CheckList, type FieldChange, NumberField, Row, SelectField, TextField } from './fields.tsx';
import { RenameId } from './rename-id.tsx';
import type { YamlPath } from './yaml-edit.ts';

/** The scenario's own fields: title, summary, briefing, objectives, situation, audience, and so on. */
export function ScenarioForm({
  data,
  change,
  remove,
  addObjective,
}: {
  data: ScenarioData;
  change: FieldChange;
  remove(path: YamlPath): void;
  addObjective(): void;
}) {
  const { t } = useI18n();
  const objectives = Array.isArray(data.objectives) ? data.objectives : [];
  return (
    <section class="card ed-meta">
      <TextField label={t('editor.meta.title')} path={['title']} value={data.title} onChange={change} />
      <TextField
        label={t('editor.meta.summary')}
        path={['summary']}
        value={data.summary}
        onChange={change}
        multiline
      />
      <TextField
        label={t('editor.meta.briefing')}
        path={['briefing']}
        value={data.briefing}
        onChange={change}
        multiline
      />
      <fieldset class="ed-field">
        <legend>{t('editor.meta.objectives')}</legend>
        {objectives.map((o: unknown, i: number) => (
          <div class="ed-row" key={i}>
            <TextField label={`${i + 1}.`} path={['objectives', i]} value={o} onChange={change} />
            <button
              type="button"
              class="button button-link ed-small"
              disabled={objectives.length < 2}
              onClick={() => remove(['objectives', i])}
            >
              {t('editor.meta.removeObjective')}
            </button>
          </div>
        ))}
        <button type="button" class="button button-secondary ed-small" onClick={addObjective}>
          {t('editor.meta.addObjective')}
        </button>
      </fieldset>
      <Row>
        <SelectField
          label={t('editor.meta.situation')}
          path={['situation']}
          value={data.situation}
          options={SITUATIONS.map((s) => ({ value: s.section, label: `§${s.section}` }))}
          onChange={change}
        />
        <TextField
          label={t('editor.meta.version')}
          path={['version']}
          value={data.version}
          onChange={change}
        />
        <TextField
          label={t('editor.meta.startClock')}
          path={['startClock']}
          value={data.startClock}
          onChange={change}
        />
        <NumberField
          label={t('editor.meta.minutes')}
          path={['minutes']}
          value={data.minutes}
          min={1}
          onChange={change}
        />
        <NumberField
          label={t('editor.meta.mastery')}
          path={['masteryScore']}
          value={data.masteryScore}
          min={0}
          onChange={change}
          onClear={() => remove(['masteryScore'])}
        />
      </Row>
      <CheckList
        legend={t('editor.meta.audience')}
        path={['audience']}
        value={data.audience}
        options={AUDIENCE_ROLES.map((r) => ({ value: r, label: t(`menu.role.${r}`) }))}
        onChange={change}
      />
      <CheckList
        legend={t('editor.meta.contentNote')}
        path={['contentNote', 'topics']}
        value={data.contentNote?.topics}
        options={CONTENT_TOPICS.map((c) => ({ value: c, label: t(`contentNote.topic.${c}`) }))}
        onChange={(path, value, typing) =>
          Array.isArray(value) && value.length === 0 ? remove(['contentNote']) : change(path, value, typing)
        }
      />
    </section>
  );
}

/** What a part of the scenario holds that the forms do not edit, as "2 injects" lines. */
export function notEditedHere(data: ScenarioData): { part: string; count: number; where: string }[] {
  const setting = data.setting && typeof data.setting === 'object' ? data.setting : {};
  const steps = list(data.steps);
  const mapChanges =
    steps.reduce(
      (n, s) =>
        n +
        list(s.map).length +
        list(s.decision?.noDecision?.map).length +
        list(s.decision?.options).reduce((m, o) => m + list(o.map).length, 0),
      0,
    ) + list(data.msel).reduce((n, m) => n + list(m.map).length, 0);
  return [
    { part: 'locations', count: list(setting.locations).length, where: 'setting.locations' },
    { part: 'roads', count: list(setting.roads).length, where: 'setting.roads' },
    { part: 'actors', count: list(setting.actors).length, where: 'setting.actors' },
    { part: 'units', count: list(setting.units).length, where: 'setting.units' },
    { part: 'variables', count: list(data.variables).length, where: 'variables' },
    {
      part: 'injects',
      count: steps.reduce((n, s) => n + list(s.injects).length, 0),
      where: 'steps[…].injects',
    },
    { part: 'mapChanges', count: mapChanges, where: 'map' },
    {
      part: 'stepEffects',
      count: steps.filter((s) => s.effects && typeof s.effects === 'object').length,
      where: 'steps[…].effects',
    },
  ];
}

/**
 * Says plainly what the editor does not edit yet and where to edit it: the file, with the guide's
 * section; the editor keeps those parts of the file as they are.
 */
export function ElsewhereNote({ data }: { data: ScenarioData }) {
  const { t } = useI18n();
  const partLabel = (part: string, count: number) => {
    const labels: Record<string, () => string> = {
      locations: () => t('editor.elsewhere.locations', { count }),
      roads: () => t('editor.elsewhere.roads', { count }),
      actors: () => t('editor.elsewhere.actors', { count }),
      units: () => t('editor.elsewhere.units', { count }),
      variables: () => t('editor.elsewhere.variables', { count }),
      injects: () => t('editor.elsewhere.injects', { count }),
      mapChanges: () => t('editor.elsewhere.mapChanges', { count }),
      stepEffects: () => t('editor.elsewhere.stepEffects', { count }),
    };
    return labels[part]?.() ?? part;
  };
  return (
    <section class="card ed-elsewhere" aria-labelledby="ed-elsewhere-h">
      <h3 id="ed-elsewhere-h">{t('editor.elsewhere.heading')}</h3>
      <p>{t('editor.elsewhere.intro')}</p>
      <ul>
        {notEditedHere(data).map((x) => (
          <li key={x.part}>
            {partLabel(x.part, x.count)} <code>{x.where}</code>
          </li>
        ))}
        <li>{t('editor.elsewhere.exercise')}</li>
      </ul>
      <p>{t('editor.elsewhere.how')}</p>
    </section>
  );
}

/** The endings: title, text and outcome of each. */
export function EndingsForm({
  data,
  change,
  onAdd,
  onRemove,
  onRename,
}: {
  data: ScenarioData;
  change: FieldChange;
  onAdd(): void;
  onRemove(index: number): void;
  onRename(old: string, next: string): void;
}) {
  const { t } = useI18n();
  const endings = list(data.endings);
  return (
    <>
      {endings.map((e, i) => (
        <section class="card ed-ending" key={i} data-edit-ending={String(e.id)}>
          <div class="ed-step-head">
            <h3>
              {t('editor.ending.heading', { title: typeof e.title === 'string' ? e.title : String(e.id) })}
            </h3>
            <RenameId
              id={String(e.id)}
              problem={(next) => renameProblem(data, String(e.id), next)}
              onRename={(next) => onRename(String(e.id), next)}
            />
            <span class="ed-spacer" />
            <button
              type="button"
              class="button button-secondary ed-small"
              disabled={endings.length < 2}
              onClick={() => onRemove(i)}
            >
              {t('editor.ending.remove')}
            </button>
          </div>
          <Row>
            <TextField
              label={t('editor.ending.title')}
              path={['endings', i, 'title']}
              value={e.title}
              onChange={change}
            />
            <SelectField
              label={t('editor.ending.outcome')}
              path={['endings', i, 'outcome']}
              value={e.outcome}
              options={OUTCOMES.map((o) => ({ value: o, label: t(`graph.outcome.${o}`) }))}
              onChange={change}
            />
          </Row>
          <TextField
            label={t('editor.ending.text')}
            path={['endings', i, 'text']}
            value={e.text}
            onChange={change}
            multiline
          />
        </section>
      ))}
      <button type="button" class="button button-secondary" onClick={onAdd}>
        {t('editor.ending.add')}
      </button>
    </>
  );
}
