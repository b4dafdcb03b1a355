import { Form, useNavigation } from "react-router";
import { CreateOutletCabinetMutation } from "../graphql/identity";
import { forbiddenAs403, optional, requireStaffPage, stateOf, text } from "../lib/account.server";
import { type FormState } from "../lib/account-form";
import { withAuth } from "../lib/auth.server";
import { mutate } from "../lib/gateway.server";
import { DEALER_FIELD_NAMES, DealerFields } from "../ui/dealer-fields";
import { Field, FormMessage } from "../ui/field";
import type { Route } from "./+types/staff-outlets";

export const meta: Route.MetaFunction = () => [{ title: "Кабинеты торговых точек — Кабинет поставщика" }];

type State = FormState & { login?: string; temporaryPassword?: string };

const OUTLET_FIELDS = ["contractNumber", "outletName", "address", "phone"] as const;

/** vitup: staff create a cabinet per retail outlet from a supply contract and hand the login over. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, ({ client }) => requireStaffPage(client, "staff_created"));
}

export async function action({ request, context }: Route.ActionArgs): Promise<State> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const values = Object.fromEntries([...DEALER_FIELD_NAMES, ...OUTLET_FIELDS].map((k) => [k, text(form, k)]));
    const r = (
      await forbiddenAs403(
        mutate(client, CreateOutletCabinetMutation, {
          i: {
            contractNumber: text(form, "contractNumber"),
            outletName: text(form, "outletName"),
            address: optional(form, "address"),
            phone: text(form, "phone"),
            email: text(form, "email"),
            fullName: text(form, "fullName"),
            legalName: text(form, "legalName"),
            inn: text(form, "inn"),
            kpp: optional(form, "kpp"),
          },
        }),
      )
    ).createOutletCabinet;
    if (r.__typename === "OutletCabinet") return { login: r.login, temporaryPassword: r.temporaryPassword };
    return stateOf(r, values);
  });
}

export default function StaffOutlets({ actionData }: Route.ComponentProps) {
  const busy = useNavigation().state !== "idle";
  const s: State = actionData ?? {};
  const f = s.fields ?? {};
  const v = s.values ?? {};
  return (
    <div className="page--narrow">
      <h1>Кабинет торговой точки</h1>
      {s.login ? (
        <section className="card" aria-labelledby="outlet-done">
          <h2 id="outlet-done">Кабинет создан</h2>
          <p>
            Передайте клиенту логин и временный пароль. Пароль показан один раз; при первом входе клиент его сменит.
          </p>
          <p>
            Логин: <code className="secret">{s.login}</code>
          </p>
          {s.temporaryPassword ? (
            <p>
              Временный пароль: <code className="secret">{s.temporaryPassword}</code>
            </p>
          ) : (
            <p>У этого адреса уже был вход: клиент входит со своим паролем.</p>
          )}
        </section>
      ) : null}
      <Form method="post" className="card section" noValidate key={s.login ?? "form"}>
        <div className="form-grid">
          <Field
            name="contractNumber"
            label="Договор поставки №"
            defaultValue={v.contractNumber}
            error={f.contractNumber}
          />
          <Field name="outletName" label="Торговая точка" defaultValue={v.outletName} error={f.outletName} />
          <Field name="address" label="Адрес точки (необязательно)" defaultValue={v.address} error={f.address} />
          <Field name="phone" label="Телефон точки" type="tel" defaultValue={v.phone} error={f.phone} />
        </div>
        <DealerFields f={f} v={v} />
        <FormMessage error={Object.keys(f).length > 0 ? null : s.error} />
        <button type="submit" className="button button--primary" disabled={busy}>
          Создать кабинет
        </button>
      </Form>
    </div>
  );
}
