import type { LineReadinessStatus, ReadinessFilter } from "../graphql/shipments";

export const LINE_STATUSES: { value: LineReadinessStatus; label: string }[] = [
  { value: "PROCESSING", label: "В обработке" },
  { value: "PRODUCTION", label: "В производстве" },
  { value: "IN_TRANSIT", label: "В пути" },
  { value: "IN_STOCK", label: "На складе" },
];

const STATUS_VALUES = new Set<string>(LINE_STATUSES.map((s) => s.value));

/** A report's filter from the page's query string (q, from, to, status…, open); the same string names its Excel file. */
export function readinessFilter(params: URLSearchParams): ReadinessFilter {
  const text = (name: string) => params.get(name)?.trim() || null;
  const statuses = params.getAll("status").filter((s): s is LineReadinessStatus => STATUS_VALUES.has(s));
  return {
    search: text("q"),
    from: text("from"),
    to: text("to"),
    statuses: statuses.length > 0 ? statuses : null,
    openOnly: params.get("open") === "1" ? true : null,
  };
}

/** "2026-11-25" → "25.11.2026"; null → "—". */
export const formatIsoDate = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : "—";
