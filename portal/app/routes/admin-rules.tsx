import { Form, useNavigation } from "react-router";
import { text } from "../lib/account.server";
import { withAuth } from "../lib/auth.server";
import { type FormValues, RULE_FIELDS, rulesFromForm } from "../lib/tenant-admin";
import { type AdminFormState, loadConfiguration, saveDefinition } from "../lib/tenant-admin.server";
import { AdminNav, CheckField, SelectField } from "../ui/admin-nav";
import { Field, FormMessage } from "../ui/field";
import type { Route } from "./+types/admin-rules";

export const meta: Route.MetaFunction = () => [{ title: "Правила — Настройки поставщика" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, ({ client }) => loadConfiguration(client));
}

const OTHER_FIELDS = [
  "features.stockDisplay.mode",
  "features.stockDisplay.threshold",
  "finance.bonus.enabled",
  "finance.bonus.kopecksPerPoint",
  "finance.bonus.minOrderKopecks",
  "finance.bonus.creditAt",
];

export async function action({ request, context }: Route.ActionArgs): Promise<AdminFormState> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const { definition } = await loadConfiguration(client);
    const values: FormValues = Object.fromEntries(
      [...RULE_FIELDS.map((f) => f.path), ...OTHER_FIELDS].map((k) => [k, form.has(k) ? text(form, k) : undefined]),
    );
    const r = rulesFromForm(definition, values);
    return saveDefinition(client, r.definition, { comment: text(form, "comment"), problems: r.problems });
  });
}

const REGISTRATION: [string, string][] = [
  ["self_with_approval", "Самостоятельно, с подтверждением менеджера"],
  ["email_then_questionnaire", "По e-mail, затем анкета"],
  ["manager_invitation", "Только по приглашению менеджера"],
  ["staff_created", "Кабинеты создают сотрудники"],
];

const num = (v: unknown) => (typeof v === "number" ? String(v) : "");

export default function AdminRules({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state !== "idle";
  const { definition: d, statuses, version } = loaderData;
  const s: AdminFormState = actionData ?? {};
  const p = s.problems ?? {};
  const f = d.features;
  const fin = d.finance ?? {};
  const bonus = fin.bonus as { kopecksPerPoint: number; minOrderKopecks: number; creditAt: string } | null | undefined;
  const stock = f.stockDisplay as { mode: string; threshold?: number };
  return (
    <div className="page--narrow">
      <h1>Настройки поставщика</h1>
      <AdminNav />
      <p className="muted">
        Текущая версия конфигурации: {version || "исходная"}. Каждое сохранение создаёт новую версию; разделы портала
        применяют её в течение нескольких секунд.
      </p>
      <Form method="post" className="card section" noValidate key={version}>
        <FormMessage error={s.error} ok={s.ok} />
        <fieldset className="admin-fieldset">
          <legend>Регистрация и пароли</legend>
          <SelectField
            name="features.registration"
            label="Как дилеры получают кабинет"
            value={f.registration}
            options={REGISTRATION}
            error={p["features.registration"]}
          />
          <div className="form-grid">
            <Field
              name="features.passwordPolicy.minLength"
              label="Минимальная длина пароля"
              inputMode="numeric"
              defaultValue={num(f.passwordPolicy.minLength)}
              error={p["features.passwordPolicy.minLength"]}
            />
          </div>
          <CheckField
            name="features.passwordPolicy.requireDigit"
            label="Пароль содержит цифру"
            checked={f.passwordPolicy.requireDigit}
          />
          <CheckField
            name="features.passwordPolicy.requireLower"
            label="Пароль содержит строчную букву"
            checked={f.passwordPolicy.requireLower}
          />
          <CheckField
            name="features.passwordPolicy.requireUpper"
            label="Пароль содержит заглавную букву"
            checked={f.passwordPolicy.requireUpper}
          />
        </fieldset>
        <fieldset className="admin-fieldset">
          <legend>Каталог и заказы</legend>
          <div className="form-grid">
            <Field
              name="features.minSearchChars"
              label="Минимум символов для поиска"
              inputMode="numeric"
              defaultValue={num(f.minSearchChars)}
              error={p["features.minSearchChars"]}
              hint="Точный артикул ищется всегда"
            />
            <Field
              name="features.reserveHoldHours"
              label="Резерв держится, часов"
              inputMode="numeric"
              defaultValue={num(f.reserveHoldHours)}
              error={p["features.reserveHoldHours"]}
              hint="Пусто — без срока"
            />
          </div>
          <CheckField
            name="features.packRounding"
            label="Округлять количество до кратности упаковки"
            checked={f.packRounding}
          />
          <CheckField name="features.multipleDrafts" label="Несколько черновиков у дилера" checked={f.multipleDrafts} />
          <CheckField
            name="features.orderUpToStock"
            label="Импорт заказа: при нехватке остатка добавлять доступное количество"
            checked={f.orderUpToStock ?? false}
          />
        </fieldset>
        <fieldset className="admin-fieldset">
          <legend>Остатки</legend>
          <SelectField
            name="features.stockDisplay.mode"
            label="Показ остатков дилеру"
            value={stock.mode}
            options={[
              ["exact", "Точное количество"],
              ["threshold", "«Больше N», если остаток выше порога"],
            ]}
          />
          <div className="form-grid">
            <Field
              name="features.stockDisplay.threshold"
              label="Порог показа остатков"
              inputMode="numeric"
              defaultValue={num(stock.threshold)}
              error={p["features.stockDisplay.threshold"] ?? p["features.stockDisplay"]}
              hint="Для режима «Больше N»"
            />
            <Field
              name="features.lowStockThreshold"
              label="Низкий остаток (событие stock.low) при"
              inputMode="numeric"
              defaultValue={num(f.lowStockThreshold)}
              error={p["features.lowStockThreshold"]}
              hint="Пусто — не сообщать"
            />
          </div>
        </fieldset>
        <fieldset className="admin-fieldset">
          <legend>НДС</legend>
          <div className="form-grid">
            <Field
              name="pricing.vatRateBp"
              label="Ставка НДС, %"
              inputMode="decimal"
              defaultValue={String(d.pricing.vatRateBp / 100).replace(".", ",")}
              error={p["pricing.vatRateBp"]}
            />
            <SelectField
              name="pricing.vatRounding"
              label="Округление НДС"
              value={d.pricing.vatRounding}
              options={[
                ["per_line", "По каждой строке"],
                ["per_document", "По документу в целом"],
              ]}
              error={p["pricing.vatRounding"]}
            />
          </div>
          <CheckField name="pricing.pricesIncludeVat" label="Цены включают НДС" checked={d.pricing.pricesIncludeVat} />
        </fieldset>
        <fieldset className="admin-fieldset">
          <legend>Финансы и бонусы</legend>
          <div className="form-grid">
            <Field
              name="finance.actRequestIntervalHours"
              label="Акт сверки не чаще, чем раз в (часов)"
              inputMode="numeric"
              defaultValue={num(fin.actRequestIntervalHours)}
              error={p["finance.actRequestIntervalHours"]}
              hint="Пусто — без ограничения"
            />
            <Field
              name="finance.invoiceValidityDays"
              label="Счёт действителен, дней"
              inputMode="numeric"
              defaultValue={num(fin.invoiceValidityDays ?? 5)}
              error={p["finance.invoiceValidityDays"]}
            />
          </div>
          <CheckField name="finance.bonus.enabled" label="Начислять бонусные баллы" checked={Boolean(bonus)} />
          <div className="form-grid">
            <Field
              name="finance.bonus.kopecksPerPoint"
              label="Один балл за каждые, ₽"
              inputMode="decimal"
              defaultValue={bonus ? String(bonus.kopecksPerPoint / 100) : ""}
              error={p["finance.bonus.kopecksPerPoint"]}
            />
            <Field
              name="finance.bonus.minOrderKopecks"
              label="Заказ не меньше, ₽"
              inputMode="decimal"
              defaultValue={bonus ? String(bonus.minOrderKopecks / 100) : ""}
              error={p["finance.bonus.minOrderKopecks"]}
            />
            <SelectField
              name="finance.bonus.creditAt"
              label="Баллы начисляются в статусе"
              value={bonus?.creditAt ?? statuses.at(-1)?.code ?? ""}
              options={statuses.map((st) => [st.code, st.label])}
              error={p["finance.bonus.creditAt"]}
            />
          </div>
        </fieldset>
        <Field name="comment" label="Комментарий к версии (необязательно)" />
        <button type="submit" className="button button--primary" disabled={busy}>
          Сохранить новую версию
        </button>
      </Form>
    </div>
  );
}
