import { data, Form, Link, redirect, useNavigation } from "react-router";
import { ViewerQuery } from "../graphql/auth";
import {
  DeletePromotionMutation,
  type PromotionInput,
  SavePromotionMutation,
  SavePromotionWithImageMutation,
  StaffPromotionsQuery,
} from "../graphql/promotions-admin";
import { isoToRuDate, ruDateToIso } from "../lib/account-form";
import { commitSession, withAuth } from "../lib/auth.server";
import { mutate, query } from "../lib/gateway.server";
import { isStaff } from "../ui/account-nav";
import { Field, FormMessage } from "../ui/field";
import type { Route } from "./+types/staff-promotion";
import "./catalog.css";
import "../ui/presentations.css";

export const meta: Route.MetaFunction = () => [{ title: "Акция — Кабинет поставщика" }];

type Fields = Partial<Record<"title" | "text" | "image" | "companyIds" | "validFrom" | "validUntil", string>>;
interface EditorState {
  error?: string;
  fields?: Fields;
  values?: Record<string, string | string[]>;
}

/** `/staff/promotions/new` creates a promotion; `/staff/promotions/:id` edits or deletes one. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { viewer } = await query(client, ViewerQuery, {});
    if (!viewer || !isStaff(viewer)) throw new Response("Только для сотрудников поставщика", { status: 403 });
    const { allPromotions, dealerCompanies } = await query(client, StaffPromotionsQuery, {});
    const promotion = params.id === "new" ? null : (allPromotions.find((p) => p.id === params.id) ?? null);
    if (params.id !== "new" && !promotion) throw new Response("Акция не найдена", { status: 404 });
    return { promotion, dealerCompanies };
  });
}

/** The server's field names → the form's (the text is `body` in the domain rule). */
const FIELD_OF: Record<string, keyof Fields> = { body: "text", imageUrl: "image" };

export async function action({ request, context, params }: Route.ActionArgs) {
  return withAuth(request, context, async ({ client, session }) => {
    const form = await request.formData();
    const id = params.id === "new" ? null : params.id;
    const done = async (notice: string) => {
      session.flash("notice", notice);
      throw redirect("/staff/promotions", { headers: { "Set-Cookie": await commitSession(session, context) } });
    };
    if (form.get("intent") === "delete" && id) {
      const gone = (await mutate(client, DeletePromotionMutation, { id })).deletePromotion;
      return gone ? done("Акция удалена") : data<EditorState>({ error: "Акция не найдена" });
    }
    const text = (k: string) => String(form.get(k) ?? "").trim();
    const values = {
      title: text("title"),
      text: text("text"),
      audience: text("audience"),
      validFrom: text("validFrom"),
      validUntil: text("validUntil"),
      companyIds: form.getAll("companyIds").map(String),
    };
    const fields: Fields = {};
    const validFrom = ruDateToIso(values.validFrom);
    const validUntil = ruDateToIso(values.validUntil);
    if (!validFrom) fields.validFrom = "Дата начала в формате ДД.ММ.ГГГГ";
    if (validUntil === null) fields.validUntil = "Дата окончания в формате ДД.ММ.ГГГГ или пусто";
    if (!validFrom || validUntil === null) return data<EditorState>({ fields, values });
    const input: PromotionInput = {
      title: values.title,
      text: values.text,
      imageUrl: form.get("removeImage") === "on" ? null : text("currentImage") || null,
      audience: values.audience === "INDIVIDUAL" ? "INDIVIDUAL" : "ALL",
      companyIds: values.audience === "INDIVIDUAL" ? values.companyIds : [],
      validFrom,
      validUntil: validUntil || null,
    };
    const file = form.get("image");
    const r =
      file instanceof File && file.size > 0
        ? (
            await mutate(client, SavePromotionWithImageMutation, {
              id,
              input,
              imageBase64: Buffer.from(await file.arrayBuffer()).toString("base64"),
            })
          ).savePromotionWithImage
        : (await mutate(client, SavePromotionMutation, { id, input })).savePromotion;
    if (r.__typename === "Promotion") return done(`Акция «${r.title}» сохранена`);
    if (r.__typename === "PromotionImageError") return data<EditorState>({ fields: { image: r.message }, values });
    if (r.__typename === "PromotionInvalidError") {
      for (const f of r.fields) fields[FIELD_OF[f.field] ?? (f.field as keyof Fields)] = f.message;
      return data<EditorState>({ fields, values });
    }
    return data<EditorState>({ error: r.message, values });
  });
}

export default function StaffPromotion({ loaderData, actionData }: Route.ComponentProps) {
  const { promotion: p, dealerCompanies } = loaderData;
  const busy = useNavigation().state !== "idle";
  const s: EditorState = actionData ?? {};
  const f = s.fields ?? {};
  const v = s.values ?? {
    title: p?.title ?? "",
    text: p?.text ?? "",
    audience: p?.audience ?? "ALL",
    validFrom: isoToRuDate(p?.validFrom),
    validUntil: isoToRuDate(p?.validUntil),
    companyIds: p?.companyIds ?? [],
  };
  const partners = new Set(Array.isArray(v.companyIds) ? v.companyIds : []);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Навигация">
        <Link to="/staff/promotions">Акции</Link>
      </nav>
      <h1>{p ? p.title : "Новая акция"}</h1>
      <Form method="post" encType="multipart/form-data" className="card presentation-editor" noValidate>
        <Field name="title" label="Заголовок" defaultValue={String(v.title ?? "")} error={f.title} maxLength={200} />
        <div className={`field${f.text ? " field--invalid" : ""}`}>
          <label htmlFor="text">Текст</label>
          <textarea
            id="text"
            name="text"
            rows={5}
            defaultValue={String(v.text ?? "")}
            aria-invalid={f.text ? true : undefined}
            aria-describedby={f.text ? "text-error" : undefined}
          />
          {f.text ? (
            <span id="text-error" className="field__error">
              {f.text}
            </span>
          ) : null}
        </div>
        <fieldset className="field">
          <legend>Для кого</legend>
          <label>
            <input type="radio" name="audience" value="ALL" defaultChecked={v.audience !== "INDIVIDUAL"} /> Для всех
            дилеров
          </label>{" "}
          <label>
            <input type="radio" name="audience" value="INDIVIDUAL" defaultChecked={v.audience === "INDIVIDUAL"} />{" "}
            Индивидуальная — только для партнёров:
          </label>
          <div className={f.companyIds ? "field--invalid" : undefined}>
            {dealerCompanies.map((c) => (
              <label key={c.id} className="partner-option">
                <input type="checkbox" name="companyIds" value={c.id} defaultChecked={partners.has(c.id)} /> {c.name}
              </label>
            ))}
            {f.companyIds ? <span className="field__error">{f.companyIds}</span> : null}
          </div>
        </fieldset>
        <Field
          name="validFrom"
          label="Начало"
          placeholder="ДД.ММ.ГГГГ"
          defaultValue={String(v.validFrom ?? "")}
          error={f.validFrom}
        />
        <Field
          name="validUntil"
          label="Окончание (включительно)"
          placeholder="ДД.ММ.ГГГГ"
          hint="Пусто — до отмены"
          defaultValue={String(v.validUntil ?? "")}
          error={f.validUntil}
        />
        {p?.imageUrl ? (
          <div className="field">
            <img className="promotion__image" src={p.imageUrl} alt="Текущая картинка акции" />
            <input type="hidden" name="currentImage" value={p.imageUrl} />
            <label>
              <input type="checkbox" name="removeImage" /> Убрать картинку
            </label>
          </div>
        ) : null}
        <Field
          name="image"
          type="file"
          label={p?.imageUrl ? "Новая картинка" : "Картинка"}
          accept="image/png,image/jpeg,image/webp"
          hint="PNG, JPEG или WebP, не больше 1 МБ"
          error={f.image}
        />
        <FormMessage error={s.error} />
        <div className="presentation-editor__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            Сохранить
          </button>
          {p ? (
            <button type="submit" name="intent" value="delete" className="button button--danger" disabled={busy}>
              Удалить акцию
            </button>
          ) : null}
        </div>
      </Form>
    </>
  );
}
