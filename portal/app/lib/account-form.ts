/** What an action returns to its form: a message, field errors, and what was typed (never passwords). */
export interface FormState {
  ok?: string;
  error?: string;
  code?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
}

/** Link errors after which the page offers a new link. */
export const LINK_CODES = new Set(["LINK_INVALID", "LINK_EXPIRED", "LINK_USED"]);

/** "31.12.1980" (ru-RU, as typed) → "1980-12-31"; "" → ""; null when it is not such a date. */
export function ruDateToIso(value: string): string | null {
  const v = value.trim();
  if (v === "") return "";
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "1980-12-31" → "31.12.1980". */
export const isoToRuDate = (iso: string | null | undefined) =>
  iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split("-").reverse().join(".") : "";
