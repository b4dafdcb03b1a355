/** Pure rules of a distributor's warehouse list (by hand or from Excel). No I/O. */
import type { StockUpdateRowError } from "./stock-update.ts";

export interface WarehouseRowInput {
  code: string;
  name: string;
  address: string;
  contacts: string;
  line?: number;
}

export type WarehouseListPlan =
  | { ok: true; rows: Omit<WarehouseRowInput, "line">[] }
  | { ok: false; errors: Omit<StockUpdateRowError, "code">[] };

/** Every row needs a code and a name; a code may appear once. Whitespace around values is dropped. */
export function planWarehouseList(input: readonly WarehouseRowInput[]): WarehouseListPlan {
  const errors: Omit<StockUpdateRowError, "code">[] = [];
  const seen = new Map<string, number>();
  const rows = input.map((r, i) => {
    const row = r.line ?? i + 1;
    const clean = { code: r.code.trim(), name: r.name.trim(), address: r.address.trim(), contacts: r.contacts.trim() };
    if (!clean.code) errors.push({ row, message: "Не указан код склада" });
    if (!clean.name) errors.push({ row, message: "Не указано название склада" });
    const first = seen.get(clean.code);
    if (clean.code && first !== undefined) {
      errors.push({ row, message: `Код склада «${clean.code}» уже был в строке ${first}` });
    } else if (clean.code) seen.set(clean.code, row);
    return clean;
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
