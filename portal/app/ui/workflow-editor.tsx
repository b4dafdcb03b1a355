import type { WorkflowDef, WorkflowProblem } from "../graphql/workflow-admin";
import {
  ACTOR_RU,
  CATEGORY_RU,
  EFFECT_RU,
  EVENT_RU,
  GUARD_RU,
  NOTIFY_EFFECTS,
  RIGHT_PREFIX,
  restOf,
  rightsOf,
} from "../lib/workflow-form";

/** Every known value plus any the definition has that this page does not know, so nothing is lost. */
const choices = (known: string[], present: string[]) => [...known, ...present.filter((v) => !known.includes(v))];

function Checks(props: { name: string; options: string[]; labels: Record<string, string>; checked: string[] }) {
  return (
    <>
      {props.options.map((o) => (
        <label key={o} className="wf-check">
          <input type="checkbox" name={props.name} value={o} defaultChecked={props.checked.includes(o)} />
          {props.labels[o] ?? o}
        </label>
      ))}
    </>
  );
}

const problemsAt = (problems: readonly WorkflowProblem[], key: "statusIndex" | "transitionIndex", i: number) =>
  problems.map((p, k) => ({ p, n: k + 1 })).filter(({ p }) => p[key] === i);

/** aria-invalid and the problem notes' id on a field a problem names. */
const invalid = (list: { p: WorkflowProblem }[], field: string, noteId: string) =>
  list.some(({ p }) => p.field === field) ? { "aria-invalid": true, "aria-describedby": noteId } : {};

function ProblemNotes({ list, id }: { list: { p: WorkflowProblem; n: number }[]; id: string }) {
  if (!list.length) return null;
  return (
    <ul id={id} className="wf-notes">
      {list.map(({ p, n }) => (
        <li key={n}>
          <span className="wf-num">{n}</span> {p.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * The edited workflow as one form: a table of statuses and a card per transition. Each row's
 * problems are listed under it with the numbers the diagram shows.
 */
export function WorkflowEditor({ definition: d, problems }: { definition: WorkflowDef; problems: WorkflowProblem[] }) {
  const statusTabs = d.tabs.filter((t) => t.kind === "statuses");
  const codes = d.statuses.map((s) => s.code).filter(Boolean);
  return (
    <>
      <input type="hidden" name="rest" value={restOf(d)} />
      <input type="hidden" name="s.count" value={d.statuses.length} />
      <input type="hidden" name="t.count" value={d.transitions.length} />
      <fieldset className="wf-section">
        <legend>Статусы</legend>
        <div className="field">
          <label htmlFor="wf-initial">Начальный статус (после отправки черновика)</label>
          <select id="wf-initial" name="initial" defaultValue={d.initial}>
            {codes.map((c) => (
              <option key={c} value={c}>
                {d.statuses.find((s) => s.code === c)?.label || c} ({c})
              </option>
            ))}
          </select>
        </div>
        {d.statuses
          .map((s, i) => ({ s, i }))
          .map(({ s, i }) => {
            const p = `s.${i}.`;
            const notes = problemsAt(problems, "statusIndex", i);
            const noteId = `wf-s${i}-problems`;
            const described = notes.length ? noteId : undefined;
            return (
              <fieldset
                key={i}
                className={notes.length ? "wf-row wf-row--problem" : "wf-row"}
                aria-describedby={described}
              >
                <legend>
                  Статус {i + 1}: {s.label || "новый"}
                </legend>
                <label>
                  Код
                  <input name={`${p}code`} defaultValue={s.code} {...invalid(notes, "code", noteId)} size={16} />
                </label>
                <label>
                  Название
                  <input name={`${p}label`} defaultValue={s.label} {...invalid(notes, "label", noteId)} size={22} />
                </label>
                <label>
                  Название (англ.)
                  <input
                    name={`${p}labelEn`}
                    defaultValue={s.labelEn}
                    {...invalid(notes, "labelEn", noteId)}
                    size={18}
                    lang="en"
                  />
                </label>
                <label>
                  Цвет
                  <input type="color" name={`${p}color`} defaultValue={s.color} {...invalid(notes, "color", noteId)} />
                </label>
                <label>
                  Категория
                  <select name={`${p}category`} defaultValue={s.category}>
                    {choices(Object.keys(CATEGORY_RU), [s.category]).map((c) => (
                      <option key={c} value={c}>
                        {CATEGORY_RU[c] ?? c}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Вкладка списка
                  <select name={`${p}tab`} defaultValue={s.tab}>
                    {choices(
                      statusTabs.map((t) => t.code),
                      [s.tab],
                    ).map((t) => (
                      <option key={t} value={t}>
                        {d.tabs.find((x) => x.code === t)?.label ?? t}
                      </option>
                    ))}
                  </select>
                </label>
                <fieldset className="wf-inline">
                  <legend>Строки меняет</legend>
                  <Checks
                    name={`${p}editableBy`}
                    options={choices(["dealer", "manager"], s.editableBy)}
                    labels={ACTOR_RU}
                    checked={s.editableBy}
                  />
                </fieldset>
                <button type="submit" name="intent" value={`remove-status:${i}`} className="button">
                  Удалить статус {s.code || i + 1}
                </button>
                <ProblemNotes list={notes} id={noteId} />
              </fieldset>
            );
          })}
        <button type="submit" name="intent" value="add-status" className="button">
          Добавить статус
        </button>
      </fieldset>

      <fieldset className="wf-section">
        <legend>Переходы</legend>
        {d.transitions
          .map((t, j) => ({ t, j }))
          .map(({ t, j }) => {
            const p = `t.${j}.`;
            const notes = problemsAt(problems, "transitionIndex", j);
            const noteId = `wf-t${j}-problems`;
            const plain = t.guards.filter((g) => !g.startsWith(RIGHT_PREFIX));
            const actions = t.effects.filter((e) => !NOTIFY_EFFECTS.has(e));
            const notify = t.effects.filter((e) => NOTIFY_EFFECTS.has(e));
            const statusOptions = choices(codes, [t.from, t.to]);
            return (
              <fieldset
                key={j}
                className={notes.length ? "wf-row wf-row--problem" : "wf-row"}
                aria-describedby={notes.length ? noteId : undefined}
              >
                <legend>
                  Переход {j + 1}: {t.from} → {t.to}
                </legend>
                <label>
                  Из статуса
                  <select name={`${p}from`} defaultValue={t.from}>
                    {statusOptions.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  В статус
                  <select name={`${p}to`} defaultValue={t.to}>
                    {statusOptions.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Кнопка
                  <input name={`${p}label`} defaultValue={t.label} {...invalid(notes, "label", noteId)} size={28} />
                </label>
                <label>
                  Кнопка (англ.)
                  <input
                    name={`${p}labelEn`}
                    defaultValue={t.labelEn}
                    {...invalid(notes, "labelEn", noteId)}
                    size={24}
                    lang="en"
                  />
                </label>
                <fieldset className="wf-inline">
                  <legend>Кто выполняет</legend>
                  <Checks
                    name={`${p}by`}
                    options={choices(Object.keys(ACTOR_RU), t.by)}
                    labels={ACTOR_RU}
                    checked={t.by}
                  />
                </fieldset>
                <label>
                  Событие (для системы)
                  <select name={`${p}on`} defaultValue={t.on ?? ""}>
                    <option value="">—</option>
                    {choices(Object.keys(EVENT_RU), t.on ? [t.on] : []).map((e) => (
                      <option key={e} value={e}>
                        {EVENT_RU[e] ?? e}
                      </option>
                    ))}
                  </select>
                </label>
                <fieldset className="wf-inline">
                  <legend>Условия</legend>
                  <Checks
                    name={`${p}guards`}
                    options={choices(Object.keys(GUARD_RU), plain)}
                    labels={GUARD_RU}
                    checked={plain}
                  />
                  <label>
                    Права пользователя (через запятую)
                    <input
                      name={`${p}rights`}
                      defaultValue={rightsOf(t)}
                      {...invalid(notes, "guards", noteId)}
                      size={20}
                    />
                  </label>
                </fieldset>
                <fieldset className="wf-inline">
                  <legend>Действия</legend>
                  <Checks
                    name={`${p}effects`}
                    options={choices(["reserve_stock", "release_stock"], actions)}
                    labels={EFFECT_RU}
                    checked={actions}
                  />
                </fieldset>
                <fieldset className="wf-inline">
                  <legend>Уведомления</legend>
                  <Checks
                    name={`${p}notify`}
                    options={choices([...NOTIFY_EFFECTS], notify)}
                    labels={EFFECT_RU}
                    checked={notify}
                  />
                </fieldset>
                <button type="submit" name="intent" value={`remove-transition:${j}`} className="button">
                  Удалить переход {j + 1}
                </button>
                <ProblemNotes list={notes} id={noteId} />
              </fieldset>
            );
          })}
        <button type="submit" name="intent" value="add-transition" className="button">
          Добавить переход
        </button>
      </fieldset>
    </>
  );
}
