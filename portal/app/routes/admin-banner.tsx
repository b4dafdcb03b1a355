import { data, Form, useNavigation } from "react-router";
import { ViewerQuery } from "../graphql/auth";
import { type BannerLevel, ClearBannerMutation, MaintenanceBannerQuery, SaveBannerMutation } from "../graphql/content";
import { withAuth } from "../lib/auth.server";
import { formatDateTime } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import { AdminNav, SelectField } from "../ui/admin-nav";
import { Field, FormMessage } from "../ui/field";
import type { Route } from "./+types/admin-banner";

export const meta: Route.MetaFunction = () => [{ title: "Объявление — Настройки поставщика" }];

type FieldName = "text" | "activeFrom" | "activeUntil";
interface BannerState {
  ok?: string;
  error?: string;
  fields?: Partial<Record<FieldName, string>>;
  values?: Record<string, string>;
}

const MOSCOW = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Moscow",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
/** An ISO moment as the value of a datetime-local input, in Moscow time. */
const toLocalInput = (iso: string | null) => (iso ? MOSCOW.format(new Date(iso)).replace(" ", "T") : "");
/** A datetime-local value (Moscow time, UTC+3 all year) as an ISO moment; empty stays null. */
const fromLocalInput = (v: string) => (v ? `${v.length === 16 ? `${v}:00` : v}+03:00` : null);

async function requireAdmin(client: Parameters<typeof query>[0]) {
  const { viewer } = await query(client, ViewerQuery, {});
  if (!viewer?.roles.includes("tenant_admin"))
    throw new Response("Только для администратора поставщика", { status: 403 });
}

/** `/admin/banner`: the maintenance banner shown on every portal page of the tenant within its period. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    await requireAdmin(client);
    return query(client, MaintenanceBannerQuery, {});
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withAuth(request, context, async ({ client }) => {
    await requireAdmin(client);
    const form = await request.formData();
    if (form.get("intent") === "clear") {
      const gone = (await mutate(client, ClearBannerMutation, {})).clearMaintenanceBanner;
      return data<BannerState>(gone ? { ok: "Объявление снято" } : { error: "Объявления нет" });
    }
    const values = {
      text: String(form.get("text") ?? ""),
      level: String(form.get("level") ?? "WARNING"),
      activeFrom: String(form.get("activeFrom") ?? ""),
      activeUntil: String(form.get("activeUntil") ?? ""),
    };
    const level = (["INFO", "WARNING", "CRITICAL"].includes(values.level) ? values.level : "WARNING") as BannerLevel;
    const r = (
      await mutate(client, SaveBannerMutation, {
        input: {
          text: values.text,
          level,
          activeFrom: fromLocalInput(values.activeFrom),
          activeUntil: fromLocalInput(values.activeUntil),
        },
      })
    ).saveMaintenanceBanner;
    if (r.__typename === "MaintenanceBanner") {
      return data<BannerState>({
        ok: r.active ? "Объявление сохранено и показывается" : "Объявление сохранено, сейчас не показывается",
      });
    }
    const fields: BannerState["fields"] = {};
    for (const f of r.fields) fields[f.field as FieldName] = f.message;
    return data<BannerState>({ fields, values });
  });
}

const LEVELS: [string, string][] = [
  ["INFO", "Информация"],
  ["WARNING", "Предупреждение"],
  ["CRITICAL", "Критично"],
];

export default function AdminBanner({ loaderData, actionData }: Route.ComponentProps) {
  const b = loaderData.maintenanceBanner;
  const busy = useNavigation().state !== "idle";
  const s: BannerState = actionData ?? {};
  const f = s.fields ?? {};
  const v = s.values ?? {
    text: b?.text ?? "",
    level: b?.level ?? "WARNING",
    activeFrom: toLocalInput(b?.activeFrom ?? null),
    activeUntil: toLocalInput(b?.activeUntil ?? null),
  };
  return (
    <>
      <h1>Настройки поставщика</h1>
      <AdminNav />
      <h2>Объявление о технических работах</h2>
      <p>
        Показывается вверху каждой страницы кабинета всем пользователям в указанный период (время московское); без
        периода — пока не снято.
      </p>
      <FormMessage error={s.error} ok={s.ok} />
      <p role="status">
        {b
          ? b.active
            ? "Сейчас показывается."
            : `Сейчас не показывается${b.activeFrom ? ` (период: ${formatDateTime(b.activeFrom)} — ${b.activeUntil ? formatDateTime(b.activeUntil) : "…"})` : ""}.`
          : "Объявление не задано."}
      </p>
      <Form method="post" className="card" noValidate>
        <div className={`field${f.text ? " field--invalid" : ""}`}>
          <label htmlFor="text">Текст объявления</label>
          <textarea
            id="text"
            name="text"
            rows={3}
            maxLength={500}
            defaultValue={v.text}
            aria-invalid={f.text ? true : undefined}
            aria-describedby={f.text ? "text-error" : undefined}
          />
          {f.text ? (
            <span id="text-error" className="field__error">
              {f.text}
            </span>
          ) : null}
        </div>
        <SelectField name="level" label="Важность" value={v.level ?? "WARNING"} options={LEVELS} />
        <Field
          name="activeFrom"
          label="Показывать с"
          type="datetime-local"
          defaultValue={v.activeFrom}
          error={f.activeFrom}
        />
        <Field
          name="activeUntil"
          label="Показывать до"
          type="datetime-local"
          defaultValue={v.activeUntil}
          error={f.activeUntil}
        />
        <p>
          <button type="submit" name="intent" value="save" className="button button--primary" disabled={busy}>
            Сохранить
          </button>{" "}
          {b ? (
            <button type="submit" name="intent" value="clear" className="button" disabled={busy}>
              Снять объявление
            </button>
          ) : null}
        </p>
      </Form>
    </>
  );
}
