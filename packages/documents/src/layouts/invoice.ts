import { int, money, partyLine } from "../cells.ts";
import { formatDate, formatDateLong, formatMoney, formatVatRate } from "../format.ts";
import type { Cell, Layout } from "../layout.ts";
import type { TradeDocument } from "../model.ts";
import { amountInWords } from "../words.ts";

/** VAT lines under a table: "В том числе НДС (20 %)" when prices include it, "Без НДС" at 0 %. */
export function vatTotals(doc: TradeDocument): [string, Cell][] {
  const rate = formatVatRate(doc.vatRateBp);
  if (doc.vatRateBp === 0)
    return [
      ["Итого:", money(doc.totals.gross)],
      ["Без НДС", "—"],
    ];
  if (doc.pricesIncludeVat)
    return [
      ["Итого:", money(doc.totals.gross)],
      [`В том числе НДС (${rate}):`, money(doc.totals.vat)],
    ];
  return [
    ["Итого:", money(doc.totals.net)],
    [`НДС (${rate}):`, money(doc.totals.vat)],
  ];
}

/** Счёт на оплату: bank details, parties, lines, VAT, total in words, validity, signatures. */
export function invoiceLayout(doc: TradeDocument): Layout {
  const bank = doc.seller.bank;
  const price = (l: TradeDocument["lines"][number]) => (doc.pricesIncludeVat ? l.listPrice : l.netPrice);
  const sum = (l: TradeDocument["lines"][number]) => (doc.pricesIncludeVat ? l.gross : l.net);
  return {
    fileName: `Счет_${doc.number}`,
    title: `Счёт на оплату № ${doc.number} от ${formatDateLong(doc.date)}`,
    orientation: "portrait",
    branding: doc.branding,
    preamble: bank
      ? [
          [bank.name, "БИК", bank.bik],
          ["Банк получателя", "Сч. №", bank.correspondentAccount],
          [`ИНН ${doc.seller.inn}   КПП ${doc.seller.kpp ?? "—"}`, "Сч. №", bank.account],
          [`${doc.seller.name}\nПолучатель`, "", ""],
        ]
      : undefined,
    fields: [
      ["Поставщик (Исполнитель):", partyLine(doc.seller)],
      ["Покупатель (Заказчик):", partyLine(doc.buyer)],
      ["Основание:", doc.basis],
    ],
    columns: [
      { header: "№", width: 4, align: "center" },
      { header: "Артикул", width: 12 },
      { header: "Товары (работы, услуги)", width: 44 },
      { header: "Кол-во", width: 8, align: "right" },
      { header: "Ед.", width: 6, align: "center" },
      { header: "Цена", width: 12, align: "right" },
      { header: "Сумма", width: 14, align: "right" },
    ],
    rows: doc.lines.map((l, i) => [
      String(i + 1),
      l.article,
      l.name,
      int(l.quantity),
      l.unit,
      money(price(l)),
      money(sum(l)),
    ]),
    totals: [...vatTotals(doc), ["Всего к оплате:", money(doc.totals.gross)]],
    paragraphs: [
      `Всего наименований ${doc.lines.length}, на сумму ${formatMoney(doc.totals.gross)} руб.`,
      amountInWords(doc.totals.gross),
      ...(doc.validUntil ? [`Счёт действителен до ${formatDate(doc.validUntil)}.`] : []),
    ],
    signatures: [
      `Руководитель: ____________ ${doc.signatories.director}`,
      `Бухгалтер: ____________ ${doc.signatories.accountant}`,
    ],
  };
}

/** Коммерческое предложение: as keaz shows it, with a lead-time column where the tenant keeps lead times. */
export function commercialProposalLayout(doc: TradeDocument): Layout {
  const base = invoiceLayout(doc);
  const leadTimes = doc.lines.some((l) => l.leadTime) ? doc.lines.map((l) => l.leadTime ?? "") : null;
  return {
    ...base,
    ...(leadTimes && {
      columns: [
        ...base.columns.slice(0, 2),
        { header: "Товары (работы, услуги)", width: 30 },
        ...base.columns.slice(3),
        { header: "Срок готовности", width: 18 },
      ],
      rows: base.rows.map((r, i) => [...r, leadTimes[i] ?? ""]),
    }),
    fileName: `КП_${doc.number}`,
    title: `Коммерческое предложение № ${doc.number} от ${formatDateLong(doc.date)}`,
    preamble: undefined,
    fields: [
      ["Поставщик:", partyLine(doc.seller)],
      ["Покупатель:", partyLine(doc.buyer)],
      ...(doc.warehouse ? ([["Склад отгрузки:", doc.warehouse]] as [string, string][]) : []),
    ],
    paragraphs: [
      `Всего наименований ${doc.lines.length}, на сумму ${formatMoney(doc.totals.gross)} руб.`,
      amountInWords(doc.totals.gross),
      ...(doc.validUntil ? [`Предложение действительно до ${formatDate(doc.validUntil)}.`] : []),
      ...(doc.manager ? [`Ваш менеджер: ${doc.manager}`] : []),
    ],
    signatures: [`Менеджер: ____________ ${doc.manager ?? ""}`.trim()],
  };
}
