import { forbidden } from "@dpp/server";
import ExcelJS from "exceljs";
import type { CatalogContext } from "../context.ts";
import { allProducts } from "../db/queries.ts";
import { isStaff } from "./import.ts";

/** The dealer right the nomenclature file needs (staff and integrations may always fetch it). */
export const NOMENCLATURE_RIGHT = "nomenclature.file";

const COLUMNS: { header: string; key: string; width: number; money?: boolean }[] = [
  { header: "Артикул", key: "article", width: 16 },
  { header: "Наименование", key: "name", width: 48 },
  { header: "Бренд", key: "brand", width: 14 },
  { header: "Серия", key: "series", width: 16 },
  { header: "Группа", key: "group", width: 32 },
  { header: "Ед.", key: "unit", width: 6 },
  { header: "Кратность", key: "packMultiple", width: 10 },
  { header: "Мин. заказ", key: "minQuantity", width: 10 },
  { header: "Базовая цена, ₽", key: "base", width: 14, money: true },
  { header: "Ваша цена, ₽", key: "yours", width: 14, money: true },
  { header: "Скидка, %", key: "discount", width: 10 },
  { header: "Цены с НДС", key: "vatIncluded", width: 10 },
  { header: "EAN-13", key: "ean13", width: 15 },
  { header: "Код ТН ВЭД", key: "hsCode", width: 12 },
  { header: "Вес, г", key: "weightGrams", width: 8 },
  { header: "Снят с производства", key: "discontinued", width: 12 },
  { header: "Замена", key: "successors", width: 18 },
];

/**
 * The tenant's catalog with the viewer's prices as an XLSX workbook (one sheet, a header row and
 * one row per product, ordered by article). Needs the `nomenclature.file` right.
 */
export async function nomenclatureFile(ctx: CatalogContext) {
  const actor = ctx.actor;
  const allowed = isStaff(ctx) || (actor.kind === "user" && actor.permissions.includes(NOMENCLATURE_RIGHT));
  if (!allowed) throw forbidden("Нет права на получение номенклатурного файла");
  const products = await allProducts(ctx.db, ctx.tenantId());
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Номенклатура", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.money ? { style: { numFmt: "#,##0.00" } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const p of products) {
    const q = await ctx.priceOf(p);
    sheet.addRow({
      article: p.article,
      name: p.name,
      brand: p.brand ?? "",
      series: p.series ?? "",
      group: p.groupPath.join(" / "),
      unit: p.unit,
      packMultiple: p.packMultiple,
      minQuantity: p.minQuantity,
      base: q.base / 100,
      yours: q.yours / 100,
      discount: q.discountBp / 100,
      vatIncluded: q.vatIncluded ? "да" : "нет",
      ean13: p.ean13 ?? "",
      hsCode: p.hsCode ?? "",
      weightGrams: p.weightGrams ?? "",
      discontinued: p.discontinued ? "да" : "",
      successors: p.successors.join(", "),
    });
  }
  // Articles are text ("0983" keeps its leading zero).
  sheet.getColumn("article").numFmt = "@";
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    fileName: "nomenclature.xlsx",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    rows: products.length,
    contentBase64: content.toString("base64"),
  };
}
