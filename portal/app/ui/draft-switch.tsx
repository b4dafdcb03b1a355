import { Form } from "react-router";
import type { SwitcherDraft } from "../graphql/checkout";
import { formatDateTime } from "../lib/format";
import "./checkout.css";

/** A draft's name; drafts sharing a name (or with none) are told apart by when they were created. */
function titlesOf(list: SwitcherDraft[]): Map<string, string> {
  const name = (d: SwitcherDraft) => d.name ?? "Без названия";
  const shared = (d: SwitcherDraft) => !d.name || list.filter((x) => x.name === d.name).length > 1;
  return new Map(list.map((d) => [d.id, shared(d) ? `${name(d)} (${formatDateTime(d.createdAt)})` : name(d)]));
}

/** The header's draft switcher (tenants with several drafts): pick the active draft, or start a new one. */
export function DraftSwitch({ active, drafts }: { active: SwitcherDraft | null; drafts: SwitcherDraft[] }) {
  const list = active && !drafts.some((d) => d.id === active.id) ? [active, ...drafts] : drafts;
  const titles = titlesOf(list);
  return (
    <Form method="post" action="/drafts/switch" className="draft-switch">
      {list.length > 0 ? (
        <>
          <label htmlFor="draft-switch">Активный черновик</label>
          <select id="draft-switch" name="orderId" defaultValue={active?.id ?? ""} key={active?.id ?? ""}>
            {active ? null : <option value="">— не выбран —</option>}
            {list.map((d) => (
              <option key={d.id} value={d.id}>
                {titles.get(d.id)}
              </option>
            ))}
          </select>
          <button type="submit" name="intent" value="switch" className="button button--on-brand">
            Сделать активным
          </button>
        </>
      ) : null}
      <button type="submit" name="intent" value="create" className="button button--on-brand">
        Новый черновик
      </button>
    </Form>
  );
}
