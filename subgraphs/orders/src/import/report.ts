import type { CatalogProduct } from "../clients/catalog.ts";
import type { ImportRow } from "./grid.ts";

/** A catalog product as the import sees it: with its discontinuation and successors. */
export interface ImportProduct extends CatalogProduct {
  discontinued: boolean;
  successors: { article: string; name: string }[];
}

export interface ImportPolicy {
  /** Tenant feature: quantities are rounded up to the pack multiple (else a non-multiple is refused). */
  packRounding: boolean;
  /** Tenant feature: a short product gets only the available quantity. Discontinued products always do. */
  limitToStock: boolean;
  /** The draft's currency. */
  currency: string;
}

export type RowStatus =
  | "ADDED"
  | "ROUNDED_TO_PACK"
  | "SHORT_STOCK"
  | "DISCONTINUED_PARTIAL"
  | "DUPLICATE_MERGED"
  | "UNKNOWN_ARTICLE"
  | "DISCONTINUED"
  | "OUT_OF_STOCK"
  | "BELOW_MINIMUM"
  | "NOT_A_PACK_MULTIPLE"
  | "CURRENCY_MISMATCH"
  | "MISSING_ARTICLE"
  | "BAD_QUANTITY"
  | "MERGED_CELL"
  | "FORMULA_WITHOUT_VALUE";

/** Statuses whose row puts a quantity on the draft (DUPLICATE_MERGED counts in its first row). */
export const ADDING: ReadonlySet<RowStatus> = new Set([
  "ADDED",
  "ROUNDED_TO_PACK",
  "SHORT_STOCK",
  "DISCONTINUED_PARTIAL",
]);

export interface ReportRow {
  line: number;
  article: string;
  /** The quantity the row asked for (for a first duplicate: the sum of its rows); null when unreadable. */
  requested: number | null;
  /** What goes on the draft from this row; 0 when nothing. */
  quantity: number;
  status: RowStatus;
  message: string;
  product: ImportProduct | null;
}

export interface ImportLine {
  product: ImportProduct;
  /** Quantity to add to the draft (on top of a line the draft already has). */
  quantity: number;
}

export interface ImportReport {
  rows: ReportRow[];
  lines: ImportLine[];
}

const successorsText = (p: ImportProduct) =>
  p.successors.length > 0
    ? ` Замена: ${p.successors.map((s) => `${s.article} (${s.name})`).join(", ")}.`
    : " Замены нет.";

type Outcome = Pick<ReportRow, "quantity" | "status" | "message">;

function resolve(
  requested: number,
  p: ImportProduct,
  policy: ImportPolicy,
  available: number | undefined,
  existing: number,
): Outcome {
  const none = (status: RowStatus, message: string): Outcome => ({ quantity: 0, status, message });
  if (p.currency !== policy.currency) {
    return none("CURRENCY_MISMATCH", `Цена указана в ${p.currency}, заказ — в ${policy.currency}: не добавлено.`);
  }
  const pack = Math.max(1, p.packMultiple);
  let quantity = requested;
  let status: RowStatus = "ADDED";
  let message = `Без замечаний: ${requested} шт.`;
  if (quantity % pack !== 0) {
    if (!policy.packRounding) {
      return none(
        "NOT_A_PACK_MULTIPLE",
        `Заказывается упаковками по ${pack} шт.: ${requested} не кратно упаковке — не добавлено.`,
      );
    }
    quantity = Math.ceil(quantity / pack) * pack;
    status = "ROUNDED_TO_PACK";
    message = `Количество ${requested} округлено до ${quantity} — упаковка по ${pack} шт.`;
  }
  if (quantity < p.minQuantity) {
    return none("BELOW_MINIMUM", `Минимальное количество — ${p.minQuantity} шт. (указано ${requested}): не добавлено.`);
  }
  if (!(p.discontinued || policy.limitToStock) || available === undefined) return { quantity, status, message };
  const room = Math.max(0, available - existing);
  if (quantity <= room) return { quantity, status, message };
  const fits = Math.floor(room / pack) * pack;
  if (fits < Math.max(1, p.minQuantity)) {
    return p.discontinued
      ? none("DISCONTINUED", `Снят с производства, остатка нет: не добавлено.${successorsText(p)}`)
      : none("OUT_OF_STOCK", `Нет в наличии (доступно ${room} шт.): не добавлено.`);
  }
  return p.discontinued
    ? {
        quantity: fits,
        status: "DISCONTINUED_PARTIAL",
        message: `Снят с производства: добавлено ${fits} шт. (остаток) из ${quantity}.${successorsText(p)}`,
      }
    : {
        quantity: fits,
        status: "SHORT_STOCK",
        message: `На складе только ${room} шт.: добавлено ${fits} из ${quantity}.`,
      };
}

/**
 * The per-row report of an import and the lines it adds. Rows of the same article are merged
 * into the first one; quantities are rounded to the pack (or refused), checked against the
 * minimum, and limited to the available stock where the tenant (or a discontinued product)
 * says so, counting what the draft already holds.
 *
 * @param products by exact article; missing or null: unknown to the catalog
 * @param available by product id, for the products whose stock matters
 * @param existing quantities already on the draft, by product id
 */
export function buildReport(
  rows: readonly ImportRow[],
  products: ReadonlyMap<string, ImportProduct | null>,
  available: ReadonlyMap<string, number>,
  existing: ReadonlyMap<string, number>,
  policy: ImportPolicy,
): ImportReport {
  const totals = new Map<string, { first: number; sum: number }>();
  for (const r of rows) {
    if (r.problem || r.quantity === null) continue;
    const t = totals.get(r.article);
    if (t) t.sum += r.quantity;
    else totals.set(r.article, { first: r.line, sum: r.quantity });
  }
  const lines: ImportLine[] = [];
  const out = rows.map((r): ReportRow => {
    const base = { line: r.line, article: r.article, requested: r.quantity, product: null };
    if (r.problem) return { ...base, quantity: 0, status: r.problem.code, message: r.problem.message };
    const t = totals.get(r.article) as { first: number; sum: number };
    const product = products.get(r.article) ?? null;
    if (t.first !== r.line) {
      return {
        ...base,
        product,
        quantity: 0,
        status: "DUPLICATE_MERGED",
        message: `Повтор артикула из строки ${t.first}: количества сложены (всего ${t.sum} шт.).`,
      };
    }
    if (!product) {
      return {
        ...base,
        requested: t.sum,
        quantity: 0,
        status: "UNKNOWN_ARTICLE",
        message: `Артикул «${r.article}» не найден в каталоге (регистр букв и ведущие нули имеют значение).`,
      };
    }
    const o = resolve(t.sum, product, policy, available.get(product.id), existing.get(product.id) ?? 0);
    if (o.quantity > 0) lines.push({ product, quantity: o.quantity });
    return { ...base, requested: t.sum, product, ...o };
  });
  return { rows: out, lines };
}
