import type { Checkout, CheckoutFieldKey, CheckoutOption } from "@dpp/tenant";

/** What the dealer (or integrator) sent for the checkout form; absent and null mean "not given". */
export interface CheckoutInput {
  counterpartyId?: string | null;
  contractId?: string | null;
  consignee?: string | null;
  deliveryAddress?: string | null;
  warehouseId?: string | null;
  deliveryMethod?: string | null;
  paymentOption?: string | null;
  shipInParts?: boolean | null;
  plannedDate?: string | null;
  technicalServices?: readonly string[] | null;
  customerNumber?: string | null;
  comment?: string | null;
  confirmed?: boolean | null;
}

/** The dealer's own things the form chooses from, as identity, finance and inventory answered. */
export interface CheckoutFacts {
  /** The session's active counterparty (claim ctp): the default buyer. */
  activeCounterpartyId: string | null;
  /** The counterparties the user may act for (the company's, narrowed by the membership). */
  counterparties: readonly { id: string; name: string }[];
  /** The company's contracts with the tenant; a contract with a counterparty belongs to it only. */
  contracts: readonly { id: string; number: string; counterpartyId: string | null }[];
  /** The tenant's warehouses. */
  warehouses: readonly { id: string; name: string }[];
  /** Today in the tenant's calendar, YYYY-MM-DD (a planned date may not be earlier). */
  today: string;
  /** The company's last used delivery address: taken when none is sent (vitup: asked once, then reused). */
  lastAddress: string | null;
}

/** A reference kept on the order as it was at submission: the id and what the dealer saw. */
export interface CheckoutRef {
  id: string;
  name: string;
}

/** The checkout as stored on the submitted order (a snapshot: names and labels as they were). */
export interface OrderCheckout {
  counterparty: CheckoutRef | null;
  contract: CheckoutRef | null;
  consignee: string | null;
  deliveryAddress: string | null;
  warehouse: CheckoutRef | null;
  deliveryMethod: CheckoutOption | null;
  paymentOption: CheckoutOption | null;
  shipInParts: boolean;
  plannedDate: string | null;
  technicalServices: CheckoutOption[];
  /** The dealer ticked «I have checked the order». */
  confirmed: boolean;
}

export interface CheckoutValues {
  checkout: OrderCheckout;
  customerNumber: string | null;
  comment: string | null;
}

export type CheckoutProblemCode =
  | "REQUIRED"
  | "TOO_LONG"
  | "UNKNOWN_OPTION"
  | "COUNTERPARTY_NOT_ALLOWED"
  | "UNKNOWN_CONTRACT"
  | "CONTRACT_OF_OTHER_COUNTERPARTY"
  | "UNKNOWN_WAREHOUSE"
  | "INVALID_DATE"
  | "DATE_IN_PAST"
  | "NOT_CONFIRMED";

/** One field's problem: the field's key (as in the tenant's form), a stable code and a message. */
export interface CheckoutProblem {
  field: CheckoutFieldKey;
  code: CheckoutProblemCode;
  message: string;
}

/** Longest free-text values, in characters. */
export const TEXT_LIMITS = { consignee: 300, deliveryAddress: 500, customerNumber: 50, comment: 2000 } as const;

const text = (v: string | null | undefined) => v?.replace(/\s+/g, " ").trim() || null;
const commentText = (v: string | null | undefined) => v?.trim() || null;

/** The body as it counts for idempotency: trimmed, unset fields null, services sorted. */
export function normalizeCheckoutInput(input: CheckoutInput): NormalizedCheckout {
  return {
    counterpartyId: input.counterpartyId || null,
    contractId: input.contractId || null,
    consignee: text(input.consignee),
    deliveryAddress: text(input.deliveryAddress),
    warehouseId: input.warehouseId || null,
    deliveryMethod: input.deliveryMethod || null,
    paymentOption: input.paymentOption || null,
    shipInParts: input.shipInParts ?? null,
    plannedDate: input.plannedDate || null,
    technicalServices: [...new Set(input.technicalServices ?? [])].sort(),
    customerNumber: text(input.customerNumber),
    comment: commentText(input.comment),
    confirmed: input.confirmed ?? null,
  };
}

export type NormalizedCheckout = { [K in keyof CheckoutInput]-?: Exclude<CheckoutInput[K], undefined> } & {
  technicalServices: string[];
};

/** Whether the input gives a form field's value. */
function given(key: CheckoutFieldKey, i: NormalizedCheckout): boolean {
  switch (key) {
    case "counterparty":
      return i.counterpartyId !== null;
    case "contract":
      return i.contractId !== null;
    case "warehouse":
      return i.warehouseId !== null;
    case "technicalService":
      return i.technicalServices.length > 0;
    case "shipInParts":
      return i.shipInParts === true;
    case "confirmation":
      return i.confirmed === true;
    default:
      return i[key] !== null;
  }
}

const LABELS: Record<CheckoutFieldKey, string> = {
  counterparty: "Контрагент",
  contract: "Договор",
  consignee: "Грузополучатель",
  deliveryAddress: "Адрес доставки",
  warehouse: "Склад отгрузки",
  deliveryMethod: "Способ доставки",
  paymentOption: "Способ оплаты",
  shipInParts: "Отгрузка по частям",
  plannedDate: "Плановая дата",
  technicalService: "Технический сервис",
  customerNumber: "Ваш номер заказа",
  comment: "Комментарий к заказу",
  confirmation: "Я проверил содержимое заказа",
};

/** A field's label in Russian: the tenant's own, else the platform's. */
export function checkoutLabel(form: Checkout, key: CheckoutFieldKey): string {
  return form[key].label ?? LABELS[key];
}

const isDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * The buyer when none is sent: the session's active counterparty (claim ctp), else — a session
 * without one, such as an API key's — the first the user may act for, as identity starts a login.
 */
export function defaultCounterparty(facts: CheckoutFacts): string | null {
  return facts.activeCounterpartyId ?? facts.counterparties[0]?.id ?? null;
}

/**
 * The input with what the form hides dropped (the counterparty excepted: an order always has its
 * buyer) and the defaults filled in: the tenant's default options, the company's last address.
 */
function withDefaults(form: Checkout, raw: NormalizedCheckout, facts: CheckoutFacts): NormalizedCheckout {
  const shown = (k: CheckoutFieldKey) => form[k].mode !== "hidden";
  return {
    counterpartyId: raw.counterpartyId ?? defaultCounterparty(facts),
    contractId: shown("contract") ? raw.contractId : null,
    consignee: shown("consignee") ? raw.consignee : null,
    deliveryAddress: shown("deliveryAddress") ? (raw.deliveryAddress ?? facts.lastAddress) : null,
    warehouseId: shown("warehouse") ? raw.warehouseId : null,
    deliveryMethod: shown("deliveryMethod") ? (raw.deliveryMethod ?? form.deliveryMethod.default ?? null) : null,
    paymentOption: shown("paymentOption") ? (raw.paymentOption ?? form.paymentOption.default ?? null) : null,
    shipInParts: shown("shipInParts") ? raw.shipInParts : null,
    plannedDate: shown("plannedDate") ? raw.plannedDate : null,
    technicalServices: shown("technicalService") ? raw.technicalServices : [],
    customerNumber: shown("customerNumber") ? raw.customerNumber : null,
    comment: shown("comment") ? raw.comment : null,
    confirmed: shown("confirmation") ? raw.confirmed : null,
  };
}

/**
 * Checks a submission's checkout against the tenant's form and the dealer's facts. Fields the form
 * does not show are ignored; every other problem is reported (one per field), so a form can show
 * each next to its field; with none, the values to store.
 */
export function validateCheckout(
  form: Checkout,
  raw: CheckoutInput,
  facts: CheckoutFacts,
): { ok: true; values: CheckoutValues } | { ok: false; problems: CheckoutProblem[] } {
  const input = withDefaults(form, normalizeCheckoutInput(raw), facts);
  const problems: CheckoutProblem[] = [];
  const problem = (field: CheckoutFieldKey, code: CheckoutProblemCode, message: string) => {
    if (!problems.some((p) => p.field === field)) problems.push({ field, code, message });
  };
  const label = (k: CheckoutFieldKey) => `«${checkoutLabel(form, k)}»`;

  // Counterparty: the one sent, else the session's; it must be one the user may act for.
  const counterpartyId = input.counterpartyId;
  const counterparty = counterpartyId ? facts.counterparties.find((c) => c.id === counterpartyId) : undefined;
  if (counterpartyId && !counterparty)
    problem(
      "counterparty",
      "COUNTERPARTY_NOT_ALLOWED",
      "Этот контрагент не относится к вашей компании или недоступен вам.",
    );
  else if (!counterparty && form.counterparty.mode === "required")
    problem("counterparty", "REQUIRED", `Выберите ${label("counterparty")}.`);

  const contract = input.contractId ? facts.contracts.find((c) => c.id === input.contractId) : undefined;
  if (input.contractId) {
    if (!contract) problem("contract", "UNKNOWN_CONTRACT", "Такого договора нет у вашей компании.");
    else if (contract.counterpartyId && counterparty && contract.counterpartyId !== counterparty.id)
      problem("contract", "CONTRACT_OF_OTHER_COUNTERPARTY", "Этот договор заключен с другим контрагентом.");
  }

  const warehouse = input.warehouseId ? facts.warehouses.find((w) => w.id === input.warehouseId) : undefined;
  if (input.warehouseId && !warehouse) problem("warehouse", "UNKNOWN_WAREHOUSE", "Такого склада у поставщика нет.");

  const option = (key: "deliveryMethod" | "paymentOption", value: string | null) => {
    if (value === null) return null;
    const found = form[key].options?.find((o) => o.code === value);
    if (!found) problem(key, "UNKNOWN_OPTION", `Выберите ${label(key)} из предложенных.`);
    return found ?? null;
  };
  const deliveryMethod = option("deliveryMethod", input.deliveryMethod);
  const paymentOption = option("paymentOption", input.paymentOption);
  const services = input.technicalServices.map((c) => form.technicalService.options?.find((o) => o.code === c));
  if (services.some((s) => !s))
    problem("technicalService", "UNKNOWN_OPTION", `Выберите ${label("technicalService")} из предложенных.`);

  if (input.plannedDate) {
    if (!isDay(input.plannedDate)) problem("plannedDate", "INVALID_DATE", "Укажите дату в виде ГГГГ-ММ-ДД.");
    else if (input.plannedDate < facts.today) problem("plannedDate", "DATE_IN_PAST", "Дата не может быть в прошлом.");
  }

  for (const key of ["consignee", "deliveryAddress", "customerNumber", "comment"] as const) {
    const v = input[key];
    if (v && v.length > TEXT_LIMITS[key])
      problem(key, "TOO_LONG", `${label(key)}: не длиннее ${TEXT_LIMITS[key]} символов.`);
  }

  for (const key of Object.keys(LABELS) as CheckoutFieldKey[]) {
    if (form[key].mode !== "required" || given(key, input) || key === "counterparty") continue;
    if (key === "confirmation")
      problem(key, "NOT_CONFIRMED", `Подтвердите: ${checkoutLabel(form, key).toLocaleLowerCase("ru-RU")}.`);
    else if (key === "technicalService" || key === "deliveryMethod" || key === "paymentOption")
      problem(key, "REQUIRED", `Выберите ${label(key)}.`);
    else problem(key, "REQUIRED", `Заполните поле ${label(key)}.`);
  }
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    values: {
      checkout: {
        counterparty: counterparty ? { id: counterparty.id, name: counterparty.name } : null,
        contract: contract ? { id: contract.id, name: contract.number } : null,
        consignee: input.consignee,
        deliveryAddress: input.deliveryAddress,
        warehouse: warehouse ? { id: warehouse.id, name: warehouse.name } : null,
        deliveryMethod,
        paymentOption,
        shipInParts: input.shipInParts === true,
        plannedDate: input.plannedDate,
        technicalServices: services.filter((s): s is CheckoutOption => s !== undefined),
        confirmed: input.confirmed === true,
      },
      customerNumber: input.customerNumber,
      comment: input.comment,
    },
  };
}
