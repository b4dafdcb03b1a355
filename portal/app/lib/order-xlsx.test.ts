import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { OrderDetail } from "../graphql/orders";
import { orderWorkbook } from "./order-xlsx.server";

const money = (amount: number) => ({ amount, currency: "RUB" });
const order: OrderDetail = {
  id: "ord_1",
  number: "000137",
  isDraft: false,
  name: null,
  statusCode: "awaiting_confirmation",
  status: {
    code: "awaiting_confirmation",
    label: "Ждет подтверждения",
    category: "active",
    color: "#f0ad4e",
    editableBy: [],
  },
  totals: {
    positions: 2,
    pieces: 17,
    packages: 17,
    massKg: 1.38,
    positionsWithoutMass: 1,
    volumeM3: 0,
    positionsWithoutVolume: 2,
    baseCost: money(3_841_000 + 337_200),
    discount: money(0),
    amount: money(4_246_400),
    vat: money(707_733),
  },
  createdAt: "2026-11-23T08:32:11.000Z",
  submittedAt: "2026-11-23T08:33:00.000Z",
  comment: null,
  customerNumber: "ЗК-117",
  erpNumber: "ТД000058016",
  tracked: false,
  cancelReason: null,
  stockReservedUntil: null,
  availableTransitions: [],
  comments: [],
  lines: [
    {
      id: "l1",
      article: "0983",
      name: "Смеситель Aller",
      quantity: 5,
      unit: "шт",
      unitPrice: money(768_200),
      amount: money(3_841_000),
    },
    {
      id: "l2",
      article: "OptiDin BM63",
      name: "Выключатель",
      quantity: 12,
      unit: "м",
      unitPrice: money(33_720),
      amount: money(404_640),
    },
  ],
};

describe("order workbook", () => {
  it("reads back with the seed figures: 5 × 7 682 = 38 410; 12 × 337,20 = 4 046,40", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await orderWorkbook(order));
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("no sheet");
    expect(ws.name).toBe("Заказ 000137");
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(["Заказ № 000137"]);
    expect(values(2)).toEqual(["Статус", "Ждет подтверждения"]);
    expect(values(5)).toEqual(["Ваш номер", "ЗК-117"]);
    expect(values(6)).toEqual(["Номер в 1С", "ТД000058016"]);
    expect(values(8)).toEqual(["№", "Артикул", "Наименование", "Количество", "Ед.", "Цена", "Сумма"]);
    expect(values(9)).toEqual([1, "0983", "Смеситель Aller", 5, "шт", 7682, 38410]);
    expect(values(10)).toEqual([2, "OptiDin BM63", "Выключатель", 12, "м", 337.2, 4046.4]);
    expect(values(12)).toEqual(["", "", "Итого", 17, "", "", 42464]);
    expect(values(13)).toEqual(["", "", "в т. ч. НДС", "", "", "", 7077.33]);
    expect(ws.getRow(9).getCell(2).numFmt).toBe("@");
    expect(ws.getRow(9).getCell(7).numFmt).toBe('#,##0.00 "₽"');
  });
});
