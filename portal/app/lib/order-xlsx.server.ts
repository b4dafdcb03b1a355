import ExcelJS from "exceljs";
import type { OrderDetail } from "../graphql/orders";

const RUB = '#,##0.00 "₽"';
const rub = (kopecks: number) => kopecks / 100;

/**
 * One order as an Excel workbook: a heading (number or draft name, status, dates, the dealer's
 * own and the ERP's numbers), the lines with article, name, quantity, unit, price and amount, and the
 * totals with VAT. Money cells are numbers in roubles with a rouble format (kopecks exact: the
 * values are integers divided by 100 once, never summed as floats — totals come from the server).
 */
export async function orderWorkbook(order: OrderDetail): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Кабинет дилера";
  const ws = wb.addWorksheet(order.isDraft ? "Черновик" : `Заказ ${order.number}`);
  const title = order.isDraft ? `Черновик${order.name ? `: ${order.name}` : ""}` : `Заказ № ${order.number}`;
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow(["Статус", order.status.label]);
  ws.addRow(["Создан", new Date(order.createdAt)]);
  if (order.submittedAt) ws.addRow(["Отправлен", new Date(order.submittedAt)]);
  if (order.customerNumber) ws.addRow(["Ваш номер", order.customerNumber]);
  if (order.erpNumber) ws.addRow(["Номер в 1С", order.erpNumber]);
  ws.addRow([]);
  const header = ws.addRow(["№", "Артикул", "Наименование", "Количество", "Ед.", "Цена", "Сумма"]);
  header.font = { bold: true };
  order.lines.forEach((l, i) => {
    // The article stays text: leading zeros and case are kept.
    const row = ws.addRow([
      i + 1,
      l.article,
      l.name,
      l.quantity,
      l.unit,
      rub(l.unitPrice.amount),
      rub(l.amount.amount),
    ]);
    row.getCell(2).numFmt = "@";
    row.getCell(6).numFmt = RUB;
    row.getCell(7).numFmt = RUB;
  });
  ws.addRow([]);
  const total = ws.addRow(["", "", "Итого", order.totals.pieces, "", "", rub(order.totals.amount.amount)]);
  total.font = { bold: true };
  total.getCell(7).numFmt = RUB;
  const vat = ws.addRow(["", "", "в т. ч. НДС", "", "", "", rub(order.totals.vat.amount)]);
  vat.getCell(7).numFmt = RUB;
  for (const [i, width] of [6, 16, 48, 12, 8, 14, 16].entries()) ws.getColumn(i + 1).width = width;
  for (const row of [3, 4]) ws.getRow(row).getCell(2).numFmt = "dd.mm.yyyy hh:mm";
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
