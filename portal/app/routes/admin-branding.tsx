import { contrastRatio, WCAG_AA_NORMAL } from "@dpp/tenant/contrast";
import { useEffect, useState } from "react";
import { Form, useNavigation } from "react-router";
import { text } from "../lib/account.server";
import { withAuth } from "../lib/auth.server";
import { svgDataUrl } from "../lib/format";
import { withPath } from "../lib/tenant-admin";
import { type AdminFormState, loadConfiguration, saveDefinition } from "../lib/tenant-admin.server";
import { AdminNav } from "../ui/admin-nav";
import { Field, FormMessage } from "../ui/field";
import type { Route } from "./+types/admin-branding";

export const meta: Route.MetaFunction = () => [{ title: "Оформление — Настройки поставщика" }];

/** Larger uploads are refused here already; identity checks the content and the 200 KB limit. */
const MAX_UPLOAD = 1024 * 1024;

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, ({ client }) => loadConfiguration(client));
}

export async function action({ request, context }: Route.ActionArgs): Promise<AdminFormState> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const { definition } = await loadConfiguration(client);
    let d = withPath(definition, "name", text(form, "name"));
    for (const key of ["primary", "onPrimary", "accent"]) d = withPath(d, `branding.${key}`, text(form, key));
    const file = form.get("logo");
    let logoBase64: string | null = null;
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_UPLOAD)
        return {
          error: "Файл слишком большой",
          problems: { "branding.logoSvg": "Файл больше 200 КБ — уменьшите логотип" },
        };
      logoBase64 = Buffer.from(await file.arrayBuffer()).toString("base64");
    }
    return saveDefinition(client, d, { comment: text(form, "comment"), logoBase64 });
  });
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** Name, colours and logo, with the portal's header drawn live in the chosen colours. */
export default function AdminBranding({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state !== "idle";
  const { definition, version } = loaderData;
  const s: AdminFormState = actionData ?? {};
  const p = s.problems ?? {};
  const saved = definition.branding;
  const [name, setName] = useState(definition.name);
  const [colours, setColours] = useState({ primary: saved.primary, onPrimary: saved.onPrimary, accent: saved.accent });
  const [logo, setLogo] = useState(svgDataUrl(saved.logoSvg));
  const [logoProblem, setLogoProblem] = useState<string | null>(null);
  // A new version arrived (saved): the preview starts again from it.
  useEffect(() => {
    setName(definition.name);
    setColours({ primary: saved.primary, onPrimary: saved.onPrimary, accent: saved.accent });
    setLogo(svgDataUrl(saved.logoSvg));
  }, [definition.name, saved.primary, saved.onPrimary, saved.accent, saved.logoSvg]);
  const valid = HEX.test(colours.primary) && HEX.test(colours.onPrimary);
  const ratio = valid ? contrastRatio(colours.primary, colours.onPrimary) : null;
  const colour = (key: keyof typeof colours, label: string) => (
    <div className={`field${p[`branding.${key}`] ? " field--invalid" : ""}`}>
      <label htmlFor={key}>{label}</label>
      <div className="colour-pair">
        <input
          type="color"
          aria-label={`${label}: выбрать`}
          value={HEX.test(colours[key]) ? colours[key] : "#000000"}
          onChange={(e) => setColours({ ...colours, [key]: e.target.value })}
        />
        <input
          type="text"
          id={key}
          name={key}
          value={colours[key]}
          onChange={(e) => setColours({ ...colours, [key]: e.target.value })}
          aria-invalid={p[`branding.${key}`] ? true : undefined}
          aria-describedby={p[`branding.${key}`] ? `${key}-error` : undefined}
        />
      </div>
      {p[`branding.${key}`] ? (
        <span id={`${key}-error`} className="field__error">
          {p[`branding.${key}`]}
        </span>
      ) : null}
    </div>
  );
  return (
    <div className="page--narrow">
      <h1>Настройки поставщика</h1>
      <AdminNav />
      <section className="card section" aria-labelledby="preview-title">
        <h2 id="preview-title">Предпросмотр шапки</h2>
        <div
          className="preview-header"
          data-testid="preview"
          style={{ background: colours.primary, color: colours.onPrimary, borderBottomColor: colours.accent }}
        >
          <img
            src={logo}
            alt="Логотип"
            onError={() => {
              setLogo(svgDataUrl(saved.logoSvg));
              setLogoProblem("Этот файл не открывается как изображение — в предпросмотре прежний логотип");
            }}
          />
          <span className="preview-header__name">{name}</span>
          <span className="preview-header__button">Выйти</span>
        </div>
        {logoProblem ? <p className="contrast contrast--bad">{logoProblem}</p> : null}
        <p className={`contrast${ratio !== null && ratio < WCAG_AA_NORMAL ? " contrast--bad" : ""}`} role="status">
          {ratio === null
            ? "Укажите цвета в формате #rrggbb"
            : `Контраст текста: ${ratio.toFixed(2).replace(".", ",")}:1 — ${ratio >= WCAG_AA_NORMAL ? "достаточно (WCAG AA)" : `мало, нужно не меньше ${WCAG_AA_NORMAL.toString().replace(".", ",")}:1`}`}
        </p>
      </section>
      <Form method="post" encType="multipart/form-data" className="card section" noValidate key={version}>
        <FormMessage error={s.error} ok={s.ok} />
        <Field
          name="name"
          label="Название в портале"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={p.name}
        />
        <div className="form-grid">
          {colour("primary", "Основной цвет")}
          {colour("onPrimary", "Текст на основном цвете")}
          {colour("accent", "Акцент")}
        </div>
        <Field
          name="logo"
          label="Логотип (PNG, JPEG, WebP, GIF или SVG, до 200 КБ)"
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif,image/svg+xml"
          error={p["branding.logoSvg"]}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            setLogoProblem(null);
            if (f) setLogo(URL.createObjectURL(f));
          }}
          hint="Файл проверяется по содержимому; в предпросмотре — до сохранения"
        />
        <Field name="comment" label="Комментарий к версии (необязательно)" />
        <button type="submit" className="button button--primary" disabled={busy}>
          Сохранить новую версию
        </button>
      </Form>
    </div>
  );
}
