import { data, Form, Link, redirect, useNavigation } from "react-router";
import { ViewerQuery } from "../graphql/auth";
import {
  DealerCompaniesQuery,
  DeletePresentationMutation,
  PresentationEditorQuery,
  type PresentationResult,
  type PresentationView,
  SavePresentationMutation,
  SendPresentationMutation,
} from "../graphql/presentations";
import { text } from "../lib/account.server";
import { isoToRuDate, ruDateToIso } from "../lib/account-form";
import { commitSession, withAuth } from "../lib/auth.server";
import { formatDay } from "../lib/finance";
import { formatMoney, formatPercent } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import { linesToText, onTextLine, parsePercent, parsePresentationLines } from "../lib/presentation-form";
import { isStaff } from "../ui/account-nav";
import { Field, FormMessage } from "../ui/field";
import { PresentationStatusBadge } from "../ui/presentation-status";
import type { Route } from "./+types/staff-presentation";

export const meta: Route.MetaFunction = () => [{ title: "Презентация — Кабинет поставщика" }];

const FIELDS = ["companyId", "title", "discountPercent", "validUntil", "comment", "lines"] as const;
type FieldName = (typeof FIELDS)[number];
interface EditorState {
  error?: string;
  fields?: Partial<Record<FieldName, string>>;
  values?: Partial<Record<FieldName, string>>;
}

/** `/staff/presentations/new` composes one; `/staff/presentations/:id` edits a draft or shows a sent one. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { viewer } = await query(client, ViewerQuery, {});
    if (!viewer || !isStaff(viewer)) throw new Response("Только для сотрудников поставщика", { status: 403 });
    if (!viewer.tenant.presentationsEnabled) throw new Response("Презентации не используются", { status: 404 });
    if (params.id === "new") {
      const { dealerCompanies } = await query(client, DealerCompaniesQuery, {});
      return { presentation: null, dealerCompanies };
    }
    const r = await query(client, PresentationEditorQuery, { id: params.id });
    if (!r.presentation) throw new Response("Презентация не найдена", { status: 404 });
    return r;
  });
}

/** Puts the server's field errors next to their fields ("lines.N" under the lines box, as the text's line). */
function failed(r: Extract<PresentationResult, { __typename: "PresentationError" }>, textLines: number[]) {
  const fields: EditorState["fields"] = {};
  for (const f of r.fields) {
    const key = (f.field.startsWith("lines") ? "lines" : f.field) as FieldName;
    const message = key === "lines" ? onTextLine(f.message, textLines) : f.message;
    fields[key] = fields[key] ? `${fields[key]}; ${message}` : message;
  }
  return { fields, error: r.fields.length === 0 ? r.message : undefined };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  return withAuth(request, context, async ({ client, session }) => {
    const form = await request.formData();
    const intent = text(form, "intent");
    const id = params.id === "new" ? null : params.id;
    const done = async (notice: string, to: string) => {
      session.flash("notice", notice);
      throw redirect(to, { headers: { "Set-Cookie": await commitSession(session, context) } });
    };
    if (intent === "delete" && id) {
      const gone = (await mutate(client, DeletePresentationMutation, { id })).deletePresentation;
      return gone
        ? done("Черновик удалён", "/staff/presentations")
        : data<EditorState>({ error: "Черновик не найден" });
    }
    const values = Object.fromEntries(FIELDS.map((k) => [k, String(form.get(k) ?? "")])) as Record<FieldName, string>;
    const fields: EditorState["fields"] = {};
    const parsed = parsePresentationLines(values.lines);
    if (parsed.errors.length > 0) fields.lines = parsed.errors.join("; ");
    const discount = parsePercent(values.discountPercent);
    if (discount === null) fields.discountPercent = "Скидка — число процентов, например 7,5";
    const validUntil = ruDateToIso(values.validUntil);
    if (!validUntil) fields.validUntil = "Дата в формате ДД.ММ.ГГГГ, например 31.12.2026";
    if (Object.keys(fields).length > 0 || discount === null || !validUntil)
      return data<EditorState>({ fields, values });
    const input = {
      companyId: values.companyId,
      title: values.title,
      comment: values.comment.trim() || null,
      discountPercent: discount,
      validUntil,
      lines: parsed.lines,
    };
    const saved = (await mutate(client, SavePresentationMutation, { id, input })).savePresentation;
    if (saved.__typename === "PresentationError") {
      return data<EditorState>({ ...failed(saved, parsed.textLines), values });
    }
    if (intent !== "send") return done("Черновик сохранён", `/staff/presentations/${saved.id}`);
    const sent = (await mutate(client, SendPresentationMutation, { id: saved.id })).sendPresentation;
    if (sent.__typename === "PresentationError") {
      return data<EditorState>({ ...failed(sent, parsed.textLines), values });
    }
    return done(`Презентация «${sent.title}» отправлена: ${sent.company.name}`, "/staff/presentations");
  });
}

function SentView({ p }: { p: PresentationView }) {
  return (
    <>
      <dl className="presentation-offer__meta">
        <div>
          <dt>Дилер</dt>
          <dd>{p.company.name}</dd>
        </div>
        <div>
          <dt>Скидка</dt>
          <dd>{formatPercent(p.discountPercent)}</dd>
        </div>
        <div>
          <dt>Действует до</dt>
          <dd>{formatDay(p.validUntil)}</dd>
        </div>
        <div>
          <dt>Статус</dt>
          <dd>
            <PresentationStatusBadge status={p.status} />
          </dd>
        </div>
      </dl>
      {p.comment ? <p>{p.comment}</p> : null}
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Товары презентации</caption>
          <thead>
            <tr>
              <th scope="col">Артикул</th>
              <th scope="col">Наименование</th>
              <th scope="col" className="num">
                Кол-во
              </th>
              <th scope="col" className="num">
                Базовая цена
              </th>
              <th scope="col" className="num">
                Цена предложения
              </th>
              <th scope="col" className="num">
                Розничная цена
              </th>
            </tr>
          </thead>
          <tbody>
            {p.lines.map((l) => (
              <tr key={l.product.id}>
                <td className="mono">{l.product.article}</td>
                <td>{l.product.name}</td>
                <td className="num">
                  {l.quantity} {l.product.unit}
                </td>
                <td className="num">{formatMoney(l.base)}</td>
                <td className="num">{formatMoney(l.offer)}</td>
                <td className="num">{l.retail ? formatMoney(l.retail) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export default function StaffPresentation({ loaderData, actionData }: Route.ComponentProps) {
  const { presentation: p, dealerCompanies } = loaderData;
  const busy = useNavigation().state !== "idle";
  const s: EditorState = actionData ?? {};
  const f = s.fields ?? {};
  const v: Partial<Record<FieldName, string>> = s.values ?? {
    companyId: p?.company.id ?? "",
    title: p?.title ?? "",
    discountPercent: p ? String(p.discountPercent).replace(".", ",") : "",
    validUntil: isoToRuDate(p?.validUntil),
    comment: p?.comment ?? "",
    lines: p ? linesToText(p.lines.map((l) => ({ article: l.product.article, quantity: l.quantity }))) : "",
  };
  const heading = p ? p.title : "Новая презентация";
  return (
    <>
      <nav className="breadcrumbs" aria-label="Навигация">
        <Link to="/staff/presentations">Презентации</Link>
      </nav>
      <h1>{heading}</h1>
      {p && p.status !== "DRAFT" ? (
        <SentView p={p} />
      ) : (
        <Form method="post" className="card presentation-editor" noValidate>
          <div className={`field${f.companyId ? " field--invalid" : ""}`}>
            <label htmlFor="companyId">Дилер</label>
            <select
              id="companyId"
              name="companyId"
              defaultValue={v.companyId ?? ""}
              aria-invalid={f.companyId ? true : undefined}
              aria-describedby={f.companyId ? "companyId-error" : undefined}
            >
              <option value="">— выберите дилера —</option>
              {dealerCompanies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {f.companyId ? (
              <span id="companyId-error" className="field__error">
                {f.companyId}
              </span>
            ) : null}
          </div>
          <Field name="title" label="Название" defaultValue={v.title} error={f.title} maxLength={200} />
          <Field
            name="discountPercent"
            label="Персональная скидка, %"
            defaultValue={v.discountPercent}
            error={f.discountPercent}
            inputMode="decimal"
            hint="От базовой цены, например 7,5"
          />
          <Field
            name="validUntil"
            label="Цены действуют до"
            defaultValue={v.validUntil}
            error={f.validUntil}
            placeholder="ДД.ММ.ГГГГ"
            hint="Включительно"
          />
          <div className={`field${f.lines ? " field--invalid" : ""}`}>
            <label htmlFor="lines">Товары</label>
            <textarea
              id="lines"
              name="lines"
              rows={8}
              defaultValue={v.lines}
              aria-invalid={f.lines ? true : undefined}
              aria-describedby={`lines-hint${f.lines ? " lines-error" : ""}`}
            />
            <span id="lines-hint" className="field__hint">
              По строке на товар: артикул и количество через пробел (можно вставить из Excel).
            </span>
            {f.lines ? (
              <span id="lines-error" className="field__error">
                {f.lines}
              </span>
            ) : null}
          </div>
          <div className={`field${f.comment ? " field--invalid" : ""}`}>
            <label htmlFor="comment">Комментарий для дилера</label>
            <textarea id="comment" name="comment" rows={3} defaultValue={v.comment} />
            {f.comment ? <span className="field__error">{f.comment}</span> : null}
          </div>
          <FormMessage error={s.error} />
          <div className="presentation-editor__actions">
            <button type="submit" name="intent" value="save" className="button" disabled={busy}>
              Сохранить черновик
            </button>
            <button type="submit" name="intent" value="send" className="button button--primary" disabled={busy}>
              Отправить дилеру
            </button>
            {p ? (
              <button type="submit" name="intent" value="delete" className="button button--danger" disabled={busy}>
                Удалить черновик
              </button>
            ) : null}
          </div>
        </Form>
      )}
    </>
  );
}
