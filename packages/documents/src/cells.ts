import { formatInt, formatMoney } from "./format.ts";
import type { Cell } from "./layout.ts";

export const money = (kopecks: number): Cell => ({ money: kopecks });
export const int = (n: number): Cell => ({ int: n });

/** A cell as text (PDF and HTML). */
export function cellText(c: Cell): string {
  if (typeof c === "string") return c;
  return "money" in c ? formatMoney(c.money) : formatInt(c.int);
}

export const partyLine = (p: {
  name: string;
  inn: string;
  kpp?: string | null;
  address?: string | null;
  phone?: string | null;
}) =>
  [p.name, `ИНН ${p.inn}`, p.kpp ? `КПП ${p.kpp}` : null, p.address, p.phone ? `тел. ${p.phone}` : null]
    .filter(Boolean)
    .join(", ");
