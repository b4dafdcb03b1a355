import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { actLayout, type Layout, layoutOf, renderXlsx, type TradeDocumentKind } from "../src/index.ts";
import { bigAct, keazDocument } from "../src/testing.ts";

/**
 * Every XLSX document opened by LibreOffice (headless, converted to CSV): the workbook is one a
 * dealer's office suite reads, with the title and the figures in it. Runs where LibreOffice is
 * installed (the issue asks for it "where installed").
 */
const soffice = (() => {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
const dir = mkdtempSync(path.join(tmpdir(), "docs-lo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first sheet as LibreOffice reads it, as CSV (UTF-8, comma separated). */
function openWithLibreOffice(name: string, xlsx: Buffer): string {
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, xlsx);
  // A private profile: parallel runs do not share (and lock) the user's LibreOffice profile.
  const profile = `file://${path.join(dir, `profile-${name}`)}`;
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76",
      "--outdir",
      dir,
      file,
    ],
    { stdio: "ignore", timeout: 60_000 },
  );
  return readFileSync(path.join(dir, `${name}.csv`), "utf8");
}

const KINDS: [TradeDocumentKind, string][] = [
  ["invoice", "Счёт на оплату № 000042"],
  ["torg12", "Товарная накладная № 000042"],
  ["upd", "Универсальный передаточный документ"],
  ["invoice_facture", "Счёт-фактура № 000042"],
  ["commercial_proposal", "Коммерческое предложение № 000042"],
];

/** 4 046,40 as LibreOffice formats the money cell in its locale ("4,046.40", "4 046,40"). */
const TOTAL = /4[ ,\u00a0\u202f]?046[.,]40/;

const act: Layout = actLayout({
  ...bigAct(0),
  opening: 100000,
  operations: [{ date: "2026-03-05", document: "Продажа (№ 000042 от 05.03.2026)", debit: 404640, credit: 0 }],
});

const title = soffice ? "XLSX opened by LibreOffice" : "XLSX opened by LibreOffice — skipped: soffice is not installed";
describe.skipIf(!soffice)(title, () => {
  it.each(KINDS)("%s", async (kind, title) => {
    const csv = openWithLibreOffice(kind, await renderXlsx(layoutOf(keazDocument(kind))));
    expect(csv).toContain(title);
    expect(csv).toContain("ООО «ЭлектроКомплект»");
    expect(csv).toMatch(TOTAL);
    expect(csv).toContain("Четыре тысячи сорок шесть рублей 40 копеек");
  });

  it("commercial proposal with lead times", async () => {
    const doc = keazDocument("commercial_proposal");
    const lines = doc.lines.map((l) => ({ ...l, leadTime: "12 шт. - 1 раб. дн." }));
    const csv = openWithLibreOffice("proposal-lead-times", await renderXlsx(layoutOf({ ...doc, lines })));
    expect(csv).toContain("Срок готовности");
    expect(csv).toContain("12 шт. - 1 раб. дн.");
  });

  it("reconciliation act", async () => {
    const csv = openWithLibreOffice("act", await renderXlsx(act));
    expect(csv).toContain("Акт сверки взаимных расчётов");
    expect(csv).toContain("Продажа (№ 000042 от 05.03.2026)");
    expect(csv).toMatch(TOTAL);
  });
});
