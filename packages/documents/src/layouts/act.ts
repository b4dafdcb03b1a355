import { money } from "../cells.ts";
import { formatDate, formatMoney } from "../format.ts";
import type { Cell, Layout } from "../layout.ts";
import type { ReconciliationActDocument } from "../model.ts";
import { amountInWords } from "../words.ts";

export interface ActTotals {
  debit: number;
  credit: number;
  closing: number;
}

/** Turnovers and the closing balance (positive: the buyer owes). */
export function actTotals(act: Pick<ReconciliationActDocument, "opening" | "operations">): ActTotals {
  let debit = 0;
  let credit = 0;
  for (const op of act.operations) {
    debit += op.debit;
    credit += op.credit;
  }
  return { debit, credit, closing: act.opening + debit - credit };
}

const side = (balance: number): [Cell, Cell] => (balance >= 0 ? [money(balance), ""] : ["", money(-balance)]);

/**
 * Акт сверки взаимных расчётов: the seller's half filled (Дата | Документ | Дебет | Кредит),
 * the buyer's half left for the dealer to fill.
 */
export function actLayout(act: ReconciliationActDocument): Layout {
  const t = actTotals(act);
  const blank = ["", "", "", ""];
  const owes =
    t.closing === 0
      ? `На ${formatDate(act.to)} задолженность отсутствует.`
      : `На ${formatDate(act.to)} задолженность в пользу ${t.closing > 0 ? act.seller.name : act.buyer.name} составляет ${formatMoney(Math.abs(t.closing))} руб. (${amountInWords(Math.abs(t.closing))}).`;
  return {
    fileName: `Акт_сверки_${act.from}_${act.to}`,
    title: `Акт сверки взаимных расчётов за период ${formatDate(act.from)} – ${formatDate(act.to)}`,
    // Landscape: an operation (date, document, two sums) fits on one line on each half.
    orientation: "landscape",
    branding: act.branding,
    fields: [
      ["Между:", `${act.seller.name} (ИНН ${act.seller.inn}) и ${act.buyer.name} (ИНН ${act.buyer.inn})`],
      ["По договору:", act.contract],
    ],
    columnGroups: [
      { header: `По данным ${act.seller.name}, руб.`, span: 4 },
      { header: `По данным ${act.buyer.name}, руб.`, span: 4 },
    ],
    columns: [
      { header: "Дата", width: 8 },
      { header: "Документ", width: 25 },
      { header: "Дебет", width: 8.5, align: "right" },
      { header: "Кредит", width: 8.5, align: "right" },
      { header: "Дата", width: 8 },
      { header: "Документ", width: 25 },
      { header: "Дебет", width: 8.5, align: "right" },
      { header: "Кредит", width: 8.5, align: "right" },
    ],
    rows: [
      ["", "Сальдо начальное", ...side(act.opening), ...blank],
      ...act.operations.map((op): Cell[] => [
        formatDate(op.date),
        op.document,
        op.debit ? money(op.debit) : "",
        op.credit ? money(op.credit) : "",
        ...blank,
      ]),
      ["", "Обороты за период", money(t.debit), money(t.credit), ...blank],
      ["", "Сальдо конечное", ...side(t.closing), ...blank],
    ],
    totals: [],
    paragraphs: [owes],
    signatures: [
      `От ${act.seller.name}: ____________ ${act.signatories.director}`,
      `От ${act.buyer.name}: ____________`,
    ],
  };
}
