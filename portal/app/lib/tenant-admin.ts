/**
 * The tenant admin's forms turned into a whole definition (pure): each form field is named by its
 * definition path (e.g. features.minSearchChars), so the API's problems, which carry paths, land
 * on the field they concern. Numbers that are not numbers are caught here, the rest by identity.
 */

// biome-ignore lint/suspicious/noExplicitAny: a definition is JSON edited path by path
type Json = Record<string, any>;

/** A copy of `obj` with `path` (dot separated) set to `value`; `undefined` removes the key. */
export function withPath<T extends Json>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split(".");
  if (!head) return obj;
  const copy: Json = { ...obj };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
  } else {
    const inner = typeof copy[head] === "object" && copy[head] !== null ? copy[head] : {};
    copy[head] = withPath(inner, rest.join("."), value);
  }
  return copy as T;
}

function valueAt(obj: Json, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((o, k) => (typeof o === "object" && o !== null ? (o as Json)[k] : undefined), obj);
}

export type FormValues = Record<string, string | undefined>;

/** One rule field: its path, how the form shows it, and how the form's text becomes its value. */
export interface RuleField {
  path: string;
  kind: "int" | "optionalInt" | "bool" | "choice" | "percent" | "roubles";
}

/** The rules page's fields, in the definition's terms. */
export const RULE_FIELDS: RuleField[] = [
  { path: "features.registration", kind: "choice" },
  { path: "features.passwordPolicy.minLength", kind: "int" },
  { path: "features.passwordPolicy.requireDigit", kind: "bool" },
  { path: "features.passwordPolicy.requireLower", kind: "bool" },
  { path: "features.passwordPolicy.requireUpper", kind: "bool" },
  { path: "features.packRounding", kind: "bool" },
  { path: "features.multipleDrafts", kind: "bool" },
  { path: "features.minSearchChars", kind: "int" },
  { path: "features.reserveHoldHours", kind: "optionalInt" },
  { path: "features.orderUpToStock", kind: "bool" },
  { path: "features.lowStockThreshold", kind: "optionalInt" },
  { path: "pricing.vatRateBp", kind: "percent" },
  { path: "pricing.pricesIncludeVat", kind: "bool" },
  { path: "pricing.vatRounding", kind: "choice" },
  { path: "finance.actRequestIntervalHours", kind: "optionalInt" },
  { path: "finance.invoiceValidityDays", kind: "int" },
];

const INT = /^-?\d+$/;

/**
 * The definition with the rules page's values: numbers parsed (a blank optional number removes
 * the rule), checkboxes, choices, VAT in percent (stored in basis points), the stock display and
 * the bonus rule (roubles per point, stored in kopecks). Returns the problems of unparsable fields.
 */
export function rulesFromForm<T extends Json>(
  definition: T,
  form: FormValues,
): { definition: T; problems: Record<string, string> } {
  let d = definition;
  const problems: Record<string, string> = {};
  const number = (path: string, text: string, scale = 1): number | null => {
    const t = text.replace(",", ".").trim();
    const n = Number(t);
    if (t === "" || !Number.isFinite(n) || (scale === 1 && !INT.test(t))) {
      problems[path] = "Введите целое число";
      return null;
    }
    return Math.round(n * scale);
  };
  for (const f of RULE_FIELDS) {
    const text = (form[f.path] ?? "").trim();
    if (f.kind === "bool") {
      // An optional switch that is not set stays unset when left off (no change in the history).
      const on = form[f.path] === "on";
      if (on || valueAt(d, f.path) !== undefined) d = withPath(d, f.path, on);
    } else if (f.kind === "choice") d = withPath(d, f.path, text);
    else if (f.kind === "optionalInt" && text === "")
      d = withPath(d, f.path, f.path.startsWith("finance.") ? null : undefined);
    else {
      const n = number(f.path, text, f.kind === "percent" ? 100 : 1);
      if (n !== null) d = withPath(d, f.path, n);
    }
  }
  const mode = form["features.stockDisplay.mode"] === "threshold" ? "threshold" : "exact";
  if (mode === "exact") d = withPath(d, "features.stockDisplay", { mode });
  else {
    const n = number("features.stockDisplay.threshold", form["features.stockDisplay.threshold"] ?? "");
    if (n !== null) d = withPath(d, "features.stockDisplay", { mode, threshold: n });
  }
  if (form["finance.bonus.enabled"] !== "on") d = withPath(d, "finance.bonus", null);
  else {
    const perPoint = number("finance.bonus.kopecksPerPoint", form["finance.bonus.kopecksPerPoint"] ?? "", 100);
    const min = number("finance.bonus.minOrderKopecks", form["finance.bonus.minOrderKopecks"] ?? "", 100);
    if (perPoint !== null && min !== null)
      d = withPath(d, "finance.bonus", {
        kopecksPerPoint: perPoint,
        minOrderKopecks: min,
        creditAt: form["finance.bonus.creditAt"] ?? "",
      });
  }
  return { definition: d, problems };
}

/** The document types with the statuses ticked on the documents page (`<code>.availableAt`, `<code>.label`). */
export function documentsFromForm<T extends Json & { documentTypes: { code: string }[] }>(
  definition: T,
  form: FormData,
): T {
  const documentTypes = definition.documentTypes.map((doc) => ({
    ...doc,
    label: String(form.get(`${doc.code}.label`) ?? "").trim(),
    availableAt: form.getAll(`${doc.code}.availableAt`).map(String),
  }));
  return { ...definition, documentTypes };
}
