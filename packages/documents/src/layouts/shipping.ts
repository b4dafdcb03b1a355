import { int, money, partyLine } from "../cells.ts";
import { formatDate, formatInt, formatMoney, formatVatRate } from "../format.ts";
import type { Cell, Column, Layout } from "../layout.ts";
import type { DocumentLine, TradeDocument } from "../model.ts";
import { amountInWords } from "../words.ts";

const withBank = (p: TradeDocument["seller"]) =>
  p.bank
    ? `${partyLine(p)}, р/с ${p.bank.account} в ${p.bank.name}, БИК ${p.bank.bik}, к/с ${p.bank.correspondentAccount}`
    : partyLine(p);

const rate = (doc: TradeDocument) => (doc.vatRateBp === 0 ? "без НДС" : formatVatRate(doc.vatRateBp));

/** ТОРГ-12, товарная накладная (ОКУД 0330212). */
export function torg12Layout(doc: TradeDocument): Layout {
  const consignee = doc.consignee ?? doc.buyer;
  const pieces = doc.lines.reduce((s, l) => s + l.quantity, 0);
  return {
    fileName: `ТОРГ-12_${doc.number}`,
    title: `Товарная накладная № ${doc.number} от ${formatDate(doc.date)}`,
    orientation: "landscape",
    branding: doc.branding,
    fields: [
      ["Унифицированная форма:", "ТОРГ-12, код формы по ОКУД 0330212"],
      ["Грузоотправитель:", withBank(doc.seller)],
      ["Грузополучатель:", withBank(consignee)],
      ["Поставщик:", withBank(doc.seller)],
      ["Плательщик:", withBank(doc.buyer)],
      ["Основание:", doc.basis],
      ["Транспортная накладная:", "—"],
    ],
    columns: [
      { header: "№", width: 3, align: "center" },
      { header: "Товар: наименование, характеристика, артикул", width: 22 },
      { header: "Код", width: 7 },
      { header: "Ед. изм.", width: 5, align: "center" },
      { header: "Код по ОКЕИ", width: 4, align: "center" },
      { header: "Вид упаковки", width: 6, align: "center" },
      { header: "В одном месте", width: 5, align: "center" },
      { header: "Мест, штук", width: 4, align: "center" },
      { header: "Масса брутто", width: 5, align: "center" },
      { header: "Количество (масса нетто)", width: 8, align: "right" },
      { header: "Цена, руб. коп.", width: 7, align: "right" },
      { header: "Сумма без учёта НДС", width: 8, align: "right" },
      { header: "НДС, ставка", width: 5, align: "center" },
      { header: "НДС, сумма", width: 7, align: "right" },
      { header: "Сумма с учётом НДС", width: 8, align: "right" },
    ],
    rows: doc.lines.map((l, i) => [
      String(i + 1),
      `${l.name}, арт. ${l.article}`,
      l.article,
      l.unit,
      l.okei,
      "—",
      "—",
      "—",
      "—",
      int(l.quantity),
      money(l.netPrice),
      money(l.net),
      rate(doc),
      money(l.vat),
      money(l.gross),
    ]),
    totals: [
      ["Всего по накладной, количество:", int(pieces)],
      ["Сумма без учёта НДС:", money(doc.totals.net)],
      [`НДС (${rate(doc)}):`, money(doc.totals.vat)],
      ["Сумма с учётом НДС:", money(doc.totals.gross)],
    ],
    paragraphs: [
      `Товарная накладная имеет приложение на ___ листах и содержит ${formatInt(doc.lines.length)} порядковых номеров записей.`,
      `Всего отпущено на сумму ${formatMoney(doc.totals.gross)} руб.: ${amountInWords(doc.totals.gross)}`,
    ],
    signatures: [
      `Отпуск разрешил: ____________ ${doc.signatories.director}`,
      `Главный (старший) бухгалтер: ____________ ${doc.signatories.accountant}`,
      "Отпуск груза произвёл: ____________",
      "Груз принял: ____________",
      "Груз получил грузополучатель: ____________",
      "М.П.",
    ],
  };
}

const TAX_COLUMNS: Column[] = [
  { header: "Наименование товара (1)", width: 17 },
  { header: "Код вида товара (1а)", width: 5, align: "center" },
  { header: "Ед. изм.: код (2)", width: 4, align: "center" },
  { header: "усл. обозн. (2а)", width: 5, align: "center" },
  { header: "Кол-во (3)", width: 5, align: "right" },
  { header: "Цена за единицу (4)", width: 7, align: "right" },
  { header: "Стоимость без налога (5)", width: 8, align: "right" },
  { header: "В т. ч. акциз (6)", width: 5, align: "center" },
  { header: "Налоговая ставка (7)", width: 7, align: "center" },
  { header: "Сумма налога (8)", width: 7, align: "right" },
  { header: "Стоимость с налогом (9)", width: 8, align: "right" },
  { header: "Страна: код (10)", width: 5.5, align: "center" },
  { header: "краткое наим. (10а)", width: 6, align: "center" },
  { header: "Рег. номер декларации (11)", width: 8, align: "center" },
];

const taxCells = (doc: TradeDocument, l: DocumentLine): Cell[] => [
  `${l.name}, арт. ${l.article}`,
  "—",
  l.okei,
  l.unit,
  int(l.quantity),
  money(l.netPrice),
  money(l.net),
  "без акциза",
  rate(doc),
  money(l.vat),
  money(l.gross),
  "—",
  "—",
  "—",
];

function taxHeader(doc: TradeDocument, title: string): [string, string][] {
  const consignee = doc.consignee ?? doc.buyer;
  const kppOf = (p: TradeDocument["seller"]) => `${p.inn}/${p.kpp ?? ""}`;
  return [
    ["(1)", title],
    ["(1а) Исправление №", "— от —"],
    ["(2) Продавец:", doc.seller.name],
    ["(2а) Адрес:", doc.seller.address ?? "—"],
    ["(2б) ИНН/КПП продавца:", kppOf(doc.seller)],
    ["(3) Грузоотправитель и его адрес:", `${doc.seller.name}, ${doc.seller.address ?? ""}`],
    ["(4) Грузополучатель и его адрес:", `${consignee.name}, ${consignee.address ?? ""}`],
    ["(5) К платёжно-расчётному документу №", "— от —"],
    ["(5а) Документ об отгрузке:", `№ п/п 1–${doc.lines.length} № ${doc.number} от ${formatDate(doc.date)}`],
    ["(6) Покупатель:", doc.buyer.name],
    ["(6а) Адрес:", doc.buyer.address ?? "—"],
    ["(6б) ИНН/КПП покупателя:", kppOf(doc.buyer)],
    ["(7) Валюта: наименование, код", "Российский рубль, 643"],
    ["(8) Идентификатор государственного контракта, договора (соглашения)", "—"],
  ];
}

const taxTotals = (doc: TradeDocument): [string, Cell][] => [
  ["Всего к оплате, стоимость без налога:", money(doc.totals.net)],
  ["Сумма налога:", money(doc.totals.vat)],
  ["Стоимость с налогом:", money(doc.totals.gross)],
];

/** Счёт-фактура (форма по Постановлению Правительства РФ № 1137). */
export function invoiceFactureLayout(doc: TradeDocument): Layout {
  const title = `Счёт-фактура № ${doc.number} от ${formatDate(doc.date)}`;
  return {
    fileName: `Счет-фактура_${doc.number}`,
    title,
    orientation: "landscape",
    branding: doc.branding,
    fields: taxHeader(doc, title),
    fieldColumns: 2,
    columns: TAX_COLUMNS,
    rows: doc.lines.map((l) => taxCells(doc, l)),
    totals: taxTotals(doc),
    paragraphs: [`Всего к оплате: ${amountInWords(doc.totals.gross)}`],
    signatures: [
      `Руководитель организации или иное уполномоченное лицо: ____________ ${doc.signatories.director}`,
      `Главный бухгалтер или иное уполномоченное лицо: ____________ ${doc.signatories.accountant}`,
    ],
  };
}

/** УПД, статус 1: счёт-фактура и передаточный документ. */
export function updLayout(doc: TradeDocument): Layout {
  const title = `Универсальный передаточный документ. Счёт-фактура № ${doc.number} от ${formatDate(doc.date)}`;
  return {
    fileName: `УПД_${doc.number}`,
    title,
    orientation: "landscape",
    branding: doc.branding,
    fields: [["Статус:", "1 — счёт-фактура и передаточный документ (акт)"], ...taxHeader(doc, title)],
    fieldColumns: 2,
    columns: [
      { header: "№ п/п", width: 3, align: "center" },
      { header: "Код товара/ работ, услуг", width: 7 },
      ...TAX_COLUMNS,
    ],
    rows: doc.lines.map((l, i) => [String(i + 1), l.article, ...taxCells(doc, l)]),
    totals: taxTotals(doc),
    paragraphs: [
      `Всего к оплате: ${amountInWords(doc.totals.gross)}`,
      `Основание передачи (сдачи) / получения (приёмки): ${doc.basis}`,
      "Данные о транспортировке и грузе: —",
      `Дата отгрузки, передачи (сдачи): ${formatDate(doc.date)}    Дата получения (приёмки): «___» ________ 20__ г.`,
      "Иные сведения об отгрузке, передаче: —",
      `Наименование экономического субъекта — составителя документа: ${doc.seller.name}, ИНН/КПП ${doc.seller.inn}/${doc.seller.kpp ?? ""}`,
    ],
    signatures: [
      `Руководитель организации: ____________ ${doc.signatories.director}`,
      `Главный бухгалтер: ____________ ${doc.signatories.accountant}`,
      `Товар (груз) передал: ____________ ${doc.signatories.director}`,
      "Товар (груз) получил: ____________",
      "Ответственный за правильность оформления факта хозяйственной жизни: ____________",
    ],
  };
}
