import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import {
  actLayout,
  layoutOf,
  okeiCode,
  renderHtml,
  renderPdf,
  renderXlsx,
  type TradeDocument,
  type TradeDocumentKind,
} from "../src/index.ts";
import { bigAct, bigInvoice, keazDocument, wasserkraftInvoice } from "../src/testing.ts";

const dir = mkdtempSync(path.join(tmpdir(), "docs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as pdftotext (poppler) extracts it, whitespace (and line wraps) collapsed. */
function pdfText(pdf: Buffer): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

async function sheetText(xlsx: Buffer): Promise<{ text: string; numbers: number[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const texts: string[] = [];
  const numbers: number[] = [];
  ws?.eachRow((row) => {
    row.eachCell((c) => {
      if (typeof c.value === "number") numbers.push(c.value);
      else texts.push(String(c.value ?? ""));
    });
  });
  return { text: texts.join("\n"), numbers };
}

const KINDS: [TradeDocumentKind, string][] = [
  ["invoice", "Счёт на оплату № 000042 от 5 марта 2026 г."],
  ["torg12", "Товарная накладная № 000042 от 05.03.2026"],
  ["upd", "Универсальный передаточный документ"],
  ["invoice_facture", "Счёт-фактура № 000042 от 05.03.2026"],
  ["commercial_proposal", "Коммерческое предложение № 000042"],
];

describe.each(KINDS)("%s", (kind, title) => {
  const layout = layoutOf(keazDocument(kind));

  it("PDF: Cyrillic title, parties with INN/KPP, the seed's figures, VAT, words, page numbers", async () => {
    const text = pdfText(await renderPdf(layout));
    expect(text).toContain(title);
    expect(text).toContain("ООО «ЭлектроКомплект»");
    expect(text).toContain("4632145706");
    expect(text).toContain("463201001");
    expect(text).toContain("3 372,00");
    expect(text).toContain("674,40");
    expect(text).toContain("4 046,40");
    expect(text).toContain("Четыре тысячи сорок шесть рублей 40 копеек");
    const pages = Number(/Страница 1 из (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(`Страница ${pages} из ${pages}`);
  });

  it("XLSX: read back with exceljs, money as numbers", async () => {
    const { text, numbers } = await sheetText(await renderXlsx(layout));
    expect(text).toContain(title);
    expect(text).toContain("Четыре тысячи сорок шесть рублей 40 копеек");
    expect(numbers).toEqual(expect.arrayContaining([3372, 674.4, 4046.4, 12]));
  });

  it("HTML: Russian page with the figures", () => {
    const html = renderHtml(layout);
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain(title);
    expect(html).toContain("4 046,40");
  });
});

describe("units of measure", () => {
  /** Cable by the metre and a kit: each line prints its own unit, and its ОКЕИ code where the form has one. */
  const doc = (kind: TradeDocumentKind): TradeDocument => {
    const base = keazDocument(kind);
    const line = base.lines[0] as TradeDocument["lines"][number];
    const kit = { ...line, article: "КП-3", name: "Комплект крепежа КП-3", unit: "компл", quantity: 2 };
    return {
      ...base,
      lines: [
        { ...line, article: "ВВГ-3х2,5", name: "Кабель ВВГнг-LS 3х2,5", unit: "м" },
        { ...kit, net: 0, vat: 0, gross: 0, netPrice: 0, listPrice: 0 },
      ].map((l) => ({ ...l, okei: okeiCode(l.unit) })),
    };
  };

  it.each([
    ["torg12", /ВВГ-3х2,5 м 006 — — — — 12 .*арт\. КП-3 КП-3 компл 839 — — — — 2 /],
    ["invoice_facture", /ВВГнг-LS 3х2,5, арт\. — 006 м 12 .*КП-3, арт\. — 839 компл 2/],
    ["upd", /006 м .*839 компл/],
    ["invoice", /ВВГнг-LS 3х2,5 12 м .*КП-3 2 компл/],
  ] as const)("%s: PDF and XLSX print м and компл with their codes, never шт", async (kind, row) => {
    const layout = layoutOf(doc(kind));
    const text = pdfText(await renderPdf(layout));
    expect(text).toMatch(row);
    expect(text).not.toMatch(/\bшт\b|796/);
    const sheet = await sheetText(await renderXlsx(layout));
    const cells = sheet.text.split("\n");
    expect(cells).toEqual(expect.arrayContaining(["м", "компл"]));
    if (kind !== "invoice") expect(cells).toEqual(expect.arrayContaining(["006", "839"]));
    expect(cells).not.toContain("шт");
  });
});

describe("invoice specifics", () => {
  it("shows the bank details, 'В том числе НДС' for VAT-inclusive prices, and 5 × 7 682 = 38 410", async () => {
    const text = pdfText(await renderPdf(layoutOf(wasserkraftInvoice())));
    expect(text).toContain("БИК 044525225");
    expect(text).toContain("40702810900000012345");
    expect(text).toMatch(/5 шт 7 682,00 38 410,00/);
    expect(text).toContain("В том числе НДС (20 %): 6 401,67");
    expect(text).toContain("Всего к оплате: 38 410,00");
    expect(text).toContain("Всего наименований 1, на сумму 38 410,00 руб.");
    expect(text).toContain("Тридцать восемь тысяч четыреста десять рублей 00 копеек");
    expect(text).toContain("Счёт действителен до 10.03.2026");
    expect(text).toContain("Руководитель");
  });

  it("says 'НДС (20 %)' on top when prices exclude VAT, and escapes HTML", () => {
    const doc = keazDocument("invoice");
    const html = renderHtml(layoutOf({ ...doc, buyer: { ...doc.buyer, name: "ООО <b>Х&Ко</b>" } }));
    expect(html).toContain("НДС (20 %):");
    expect(html).toContain("ООО &lt;b&gt;Х&amp;Ко&lt;/b&gt;");
    expect(html).not.toContain("<b>Х");
  });

  it("spreads a long invoice over numbered pages without losing a line", async () => {
    const text = pdfText(await renderPdf(layoutOf(bigInvoice(200))));
    const pages = Number(/Страница 1 из (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(3);
    expect(text).toContain(`Страница ${pages} из ${pages}`);
    for (let i = 1; i <= 200; i++) expect(text).toContain(`${i} A-${String(i).padStart(5, "0")}`);
  });
});

describe("commercial proposal lead times", () => {
  const base = keazDocument("commercial_proposal");
  const withLeadTimes = {
    ...base,
    lines: base.lines.map((l) => ({ ...l, leadTime: "2 шт. - 1 раб. дн.; 10 шт. - 7 раб. дн." })),
  };

  it("prints each line's lead time in PDF, XLSX and HTML", async () => {
    const layout = layoutOf(withLeadTimes);
    const text = pdfText(await renderPdf(layout));
    expect(text).toContain("Срок готовности");
    // The cell wraps beside the product's name: each part is on the line's row.
    expect(text).toMatch(
      /326794 Выключатель автоматический 12 шт 281,00 3 372,00 2 шт\. - 1 раб\. дн\.; 10 .* шт\. - 7 раб\. дн\./,
    );
    expect(text).toContain("4 046,40");
    const sheet = await sheetText(await renderXlsx(layout));
    expect(sheet.text).toContain("Срок готовности");
    expect(sheet.text).toContain("2 шт. - 1 раб. дн.; 10 шт. - 7 раб. дн.");
    const html = renderHtml(layout);
    expect(html).toContain("Срок готовности");
    expect(html).toContain("2 шт. - 1 раб. дн.; 10 шт. - 7 раб. дн.");
  });

  it("prints no lead-time column for a tenant without lead times", async () => {
    const layout = layoutOf(base);
    expect(pdfText(await renderPdf(layout))).not.toContain("Срок готовности");
    expect((await sheetText(await renderXlsx(layout))).text).not.toContain("Срок готовности");
    expect(renderHtml(layout)).not.toContain("Срок готовности");
  });
});

describe("fonts across documents", () => {
  it("keeps every glyph and its text after other documents were rendered in the process", async () => {
    await renderPdf(layoutOf(keazDocument("torg12")));
    const base = keazDocument("invoice");
    const probe = "AQZ-xyz-Ёё-№-₽-Wq";
    const first = base.lines[0];
    if (!first) throw new Error("fixture has a line");
    const text = pdfText(await renderPdf(layoutOf({ ...base, lines: [{ ...first, name: probe }] })));
    expect(text).toContain(probe);
    expect(text).toContain("АО «Курский электроаппаратный завод»");
  });
});

describe("reconciliation act", () => {
  const act = {
    ...bigAct(0),
    opening: 100000,
    operations: [
      { date: "2026-03-05", document: "Продажа (№ 000042 от 05.03.2026)", debit: 404640, credit: 0 },
      { date: "2026-03-07", document: "Оплата (п/п № 17 от 07.03.2026)", debit: 0, credit: 300000 },
    ],
  };

  it("PDF: both halves, opening, turnovers, closing and the debt in words", async () => {
    const text = pdfText(await renderPdf(actLayout(act)));
    expect(text).toContain("Акт сверки взаимных расчётов за период 01.01.2026 – 31.12.2026");
    expect(text).toContain("По данным АО «Курский электроаппаратный завод»");
    expect(text).toContain("По данным ООО «ЭлектроКомплект»");
    expect(text).toMatch(/Сальдо начальное 1 000,00/);
    expect(text).toMatch(/Обороты за период 4 046,40 3 000,00/);
    expect(text).toMatch(/Сальдо конечное 2 046,40/);
    expect(text).toContain(
      "задолженность в пользу АО «Курский электроаппаратный завод» составляет 2 046,40 руб. (Две тысячи сорок шесть рублей 40 копеек)",
    );
  });

  it("XLSX: operations as numbers", async () => {
    const { text, numbers } = await sheetText(await renderXlsx(actLayout(act)));
    expect(text).toContain("Оплата (п/п № 17 от 07.03.2026)");
    expect(numbers).toEqual(expect.arrayContaining([1000, 4046.4, 3000, 2046.4]));
  });

  it("says when there is no debt, and who owes when the dealer overpaid", () => {
    const zero = renderHtml(actLayout({ ...act, opening: -104640 }));
    expect(zero).toContain("задолженность отсутствует");
    const over = renderHtml(actLayout({ ...act, opening: -200000 }));
    expect(over).toContain("задолженность в пользу ООО «ЭлектроКомплект» составляет 953,60 руб.");
  });
});

describe("long documents", () => {
  it("renders exactly the planned pages of a 600-operation act, every operation and the totals on them", async () => {
    const act = bigAct(600);
    const pdf = await renderPdf(actLayout(act));
    const file = path.join(dir, "act600.pdf");
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
    const text = pdfText(pdf);
    expect(text).toContain(`Страница ${pages} из ${pages}`);
    for (let i = 1; i <= 600; i++) expect(text).toMatch(new RegExp(`\\((?:п/п )?№ ${i} от `));
    expect(text).toContain("Сальдо конечное");
  });
});
