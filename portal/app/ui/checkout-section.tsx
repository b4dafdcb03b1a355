import { type FormEvent, useEffect, useRef } from "react";
import { Form, useFetcher } from "react-router";
import type { CheckoutForm, CheckoutFormField, CheckoutProblem, DraftCheckoutValues } from "../graphql/checkout";
import { NEW_ADDRESS } from "../lib/checkout";
import "./account.css";
import "./checkout.css";

const NAMES: Record<string, string> = {
  counterparty: "counterpartyId",
  contract: "contractId",
  warehouse: "warehouseId",
  technicalService: "technicalServices",
};
const nameOf = (key: string) => NAMES[key] ?? key;
const idOf = (key: string) => `checkout-${key}`;

/** An error under its field, tied to it by aria-describedby. */
function FieldError({ field, problems }: { field: string; problems: CheckoutProblem[] }) {
  const p = problems.find((x) => x.field === field);
  return p ? (
    <span id={`${idOf(field)}-error`} className="field__error">
      {p.message}
    </span>
  ) : null;
}

function fieldProps(f: CheckoutFormField, problems: CheckoutProblem[]) {
  const invalid = problems.some((p) => p.field === f.key);
  return {
    id: idOf(f.key),
    name: nameOf(f.key),
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? `${idOf(f.key)}-error` : undefined,
    "aria-required": f.required || undefined,
  };
}

const Label = ({ f }: { f: CheckoutFormField }) => (
  <>
    {f.label}
    {f.required ? <span aria-hidden="true"> *</span> : null}
  </>
);

/** One field of the tenant's form, drawn by its kind. */
function CheckoutField({
  f,
  form,
  values,
  problems,
}: {
  f: CheckoutFormField;
  form: CheckoutForm;
  values: DraftCheckoutValues | null;
  problems: CheckoutProblem[];
}) {
  const saved = (name: string) => {
    const v = values?.[name as keyof DraftCheckoutValues];
    return typeof v === "string" ? v : undefined;
  };
  const invalid = problems.some((p) => p.field === f.key);
  const cls = `field${invalid ? " field--invalid" : ""}`;
  const props = fieldProps(f, problems);
  switch (f.key) {
    case "counterparty":
    case "contract":
    case "warehouse":
      return (
        <div className={cls}>
          <label htmlFor={props.id}>
            <Label f={f} />
          </label>
          <select
            {...props}
            defaultValue={saved(props.name) ?? (f.key === "counterparty" ? (form.defaultCounterpartyId ?? "") : "")}
          >
            {f.key === "counterparty" && form.defaultCounterpartyId ? null : <option value="">— не выбран —</option>}
            {f.options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
          <FieldError field={f.key} problems={problems} />
        </div>
      );
    case "deliveryMethod":
    case "paymentOption":
    case "technicalService":
      return (
        <fieldset className={`checks ${cls}`} aria-describedby={props["aria-describedby"]}>
          <legend>
            <Label f={f} />
          </legend>
          {f.options.map((o) => (
            <label key={o.code} className="checks__item">
              <input
                type={f.key === "technicalService" ? "checkbox" : "radio"}
                name={props.name}
                value={o.code}
                defaultChecked={
                  f.key === "technicalService"
                    ? values
                      ? values.technicalServices.includes(o.code)
                      : o.code === f.default
                    : o.code === (saved(props.name) ?? f.default)
                }
              />{" "}
              {o.label}
            </label>
          ))}
          <FieldError field={f.key} problems={problems} />
        </fieldset>
      );
    case "deliveryAddress":
      return <AddressField f={f} form={form} saved={values?.deliveryAddress ?? null} problems={problems} />;
    case "shipInParts":
    case "confirmation":
      return (
        <div className={`${cls} field--box`}>
          <label className="checks__item">
            <input
              type="checkbox"
              {...props}
              name={f.key === "confirmation" ? "confirmed" : "shipInParts"}
              defaultChecked={(f.key === "confirmation" ? values?.confirmed : values?.shipInParts) === true}
            />{" "}
            <Label f={f} />
          </label>
          <FieldError field={f.key} problems={problems} />
        </div>
      );
    case "comment":
      return (
        <div className={cls}>
          <label htmlFor={props.id}>
            <Label f={f} />
          </label>
          <textarea {...props} rows={3} maxLength={2000} defaultValue={saved("comment")} />
          <FieldError field={f.key} problems={problems} />
        </div>
      );
    default:
      return (
        <div className={cls}>
          <label htmlFor={props.id}>
            <Label f={f} />
          </label>
          <input
            {...props}
            type={f.key === "plannedDate" ? "date" : "text"}
            maxLength={f.key === "customerNumber" ? 50 : 300}
            defaultValue={saved(props.name)}
          />
          <FieldError field={f.key} problems={problems} />
        </div>
      );
  }
}

/** Saved addresses to pick (the last used first, preselected), or a new one; only a text box on the first order. */
function AddressField({
  f,
  form,
  saved,
  problems,
}: {
  f: CheckoutFormField;
  form: CheckoutForm;
  /** The address the dealer left on the draft: a saved one is chosen again, another one typed in. */
  saved: string | null;
  problems: CheckoutProblem[];
}) {
  const props = fieldProps(f, problems);
  const invalid = problems.some((p) => p.field === f.key);
  const known = saved === null || form.savedAddresses.some((a) => a.address === saved);
  const input = (
    <input
      {...props}
      type="text"
      maxLength={500}
      autoComplete="street-address"
      defaultValue={known ? undefined : (saved ?? undefined)}
    />
  );
  if (form.savedAddresses.length === 0)
    return (
      <div className={`field${invalid ? " field--invalid" : ""}`}>
        <label htmlFor={props.id}>
          <Label f={f} />
        </label>
        {input}
        <span className="field__hint">Адрес сохранится и будет предложен в следующих заказах.</span>
        <FieldError field={f.key} problems={problems} />
      </div>
    );
  return (
    <fieldset className={`checks field${invalid ? " field--invalid" : ""}`}>
      <legend>
        <Label f={f} />
      </legend>
      {form.savedAddresses.map((a, n) => (
        <label key={a.id} className="checks__item">
          <input
            type="radio"
            name="savedAddress"
            value={a.address}
            defaultChecked={saved === null ? n === 0 : a.address === saved}
          />{" "}
          {a.address}
        </label>
      ))}
      <label className="checks__item">
        <input type="radio" name="savedAddress" value={NEW_ADDRESS} defaultChecked={!known} /> Другой адрес
      </label>
      <label htmlFor={props.id} className="visually-hidden">
        Новый адрес доставки
      </label>
      {input}
      <FieldError field={f.key} problems={problems} />
    </fieldset>
  );
}

/** Quiet time after the last keystroke before what the dealer typed is saved on the draft. */
const SAVE_AFTER_MS = 800;

/** The form's values as the draft's «save the checkout» action takes them. */
function valuesOf(form: HTMLFormElement): FormData {
  const data = new FormData(form);
  data.set("intent", "checkout-draft");
  return data;
}

/**
 * Saves the form's values on the draft as the dealer fills it in: shortly after typing stops, when
 * a field is left, and (as a beacon) when the page is hidden with a change not yet saved.
 */
function useDraftAutosave() {
  const fetcher = useFetcher<{ ok?: string; error?: string }>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const dirty = useRef<HTMLFormElement | null>(null);
  const save = () => {
    clearTimeout(timer.current);
    const form = dirty.current;
    dirty.current = null;
    if (form) fetcher.submit(valuesOf(form), { method: "post" });
  };
  useEffect(() => {
    const leave = () => {
      clearTimeout(timer.current);
      const form = dirty.current;
      dirty.current = null;
      if (form) navigator.sendBeacon(window.location.pathname, valuesOf(form));
    };
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, []);
  return {
    onChange: (e: FormEvent<HTMLFormElement>) => {
      dirty.current = e.currentTarget;
      clearTimeout(timer.current);
      timer.current = setTimeout(save, SAVE_AFTER_MS);
    },
    onBlur: save,
    status:
      fetcher.state !== "idle"
        ? "Сохраняем…"
        : (fetcher.data?.error ?? (fetcher.data?.ok ? "Оформление сохранено в черновике." : null)),
  };
}

/**
 * «Оформление заказа»: exactly the tenant's fields, labelled, errors next to each, pre-filled with
 * what the dealer left on the draft and saved again as it changes; then the send button.
 */
export function CheckoutSection(props: {
  form: CheckoutForm;
  values: DraftCheckoutValues | null;
  submissionKey: string;
  problems: CheckoutProblem[];
  busy: boolean;
  empty: boolean;
}) {
  const { form, problems } = props;
  const autosave = useDraftAutosave();
  return (
    <Form
      method="post"
      className="submit card checkout"
      aria-labelledby="checkout-title"
      noValidate
      onChange={autosave.onChange}
      onBlur={autosave.onBlur}
    >
      <h2 id="checkout-title">Оформление заказа</h2>
      <input type="hidden" name="intent" value="submit" />
      <input type="hidden" name="submissionKey" value={props.submissionKey} />
      {form.fields.map((f) => (
        <CheckoutField key={f.key} f={f} form={form} values={props.values} problems={problems} />
      ))}
      <p className="field__hint">
        Поля, отмеченные <span aria-hidden="true">*</span>
        <span className="visually-hidden">звездочкой</span>, обязательны.
      </p>
      <button type="submit" className="button button--primary" disabled={props.busy || props.empty}>
        Отправить заказ
      </button>{" "}
      {/* After the button: the saving note never moves it while it is being clicked. */}
      <span className="field__hint" role="status">
        {autosave.status}
      </span>
    </Form>
  );
}
