import ExcelJS from "exceljs";

export interface SampleProduct {
  article: string;
  name: string;
  packMultiple: number;
  minQuantity: number;
}

/**
 * The tenant's sample import file: column 1 article (stored as text, so leading zeros stay),
 * column 2 quantity, a third column showing that other columns are ignored; filled with a few
 * of the tenant's own products at an orderable quantity.
 */
export async function sampleWorkbook(products: readonly SampleProduct[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Заказ");
  sheet.columns = [
    { header: "Артикул", key: "article", width: 18, style: { numFmt: "@" } },
    { header: "Количество", key: "quantity", width: 14 },
    { header: "Наименование (не загружается)", key: "name", width: 50 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const p of products) {
    sheet.addRow({ article: p.article, quantity: Math.max(p.minQuantity, p.packMultiple, 1), name: p.name });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
