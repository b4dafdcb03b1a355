/**
 * The checkout form's values as submitOrder takes them. The page renders only the tenant's fields,
 * so a field the tenant does not use is simply absent from the form data.
 */
export interface CheckoutSubmission {
  comment: string | null;
  customerNumber: string | null;
  checkout: Record<string, unknown>;
}

/** The value of the "another address" choice among the saved ones. */
export const NEW_ADDRESS = "__new";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
};

export function checkoutFromForm(form: FormData): CheckoutSubmission {
  const saved = text(form, "savedAddress");
  const address = saved && saved !== NEW_ADDRESS ? saved : text(form, "deliveryAddress");
  const entries: [string, unknown][] = [
    ["counterpartyId", text(form, "counterpartyId")],
    ["contractId", text(form, "contractId")],
    ["consignee", text(form, "consignee")],
    ["deliveryAddress", address],
    ["warehouseId", text(form, "warehouseId")],
    ["deliveryMethod", text(form, "deliveryMethod")],
    ["paymentOption", text(form, "paymentOption")],
    ["shipInParts", form.has("shipInParts") ? form.get("shipInParts") === "on" : null],
    ["plannedDate", text(form, "plannedDate")],
    ["technicalServices", form.has("technicalServices") ? form.getAll("technicalServices").map(String) : null],
    ["confirmed", form.has("confirmed") ? true : null],
  ];
  return {
    comment: text(form, "comment"),
    customerNumber: text(form, "customerNumber"),
    checkout: Object.fromEntries(entries.filter(([, v]) => v !== null)),
  };
}
