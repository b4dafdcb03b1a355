import { badInput, forbidden, requireUser } from "@dpp/server";
import ExcelJS from "exceljs";
import { type InventoryContext, requireStaffOrService } from "../context.ts";
import { companyReadiness, upsertReadiness } from "../db/readiness.ts";
import {
  checkFilter,
  LINE_STATUS_LABELS,
  type LineReadiness,
  type LineStatus,
  orderReadiness,
  type ProductReadinessLine,
  planReadiness,
  productReadiness,
  type ReadinessFilter,
  type ReadinessRowInput,
} from "../domain/readiness.ts";

const MAX_ROWS = 10_000;
type Gql<T extends string> = Uppercase<T>;
const toGql = (s: LineStatus) => s.toUpperCase() as Gql<LineStatus>;
const fromGql = (s: string) => s.toLowerCase() as LineStatus;

interface FilterArgs {
  filter?: (Omit<ReadinessFilter, "statuses"> & { statuses?: string[] | null }) | null;
}

function dealerCompany(ctx: InventoryContext) {
  const user = requireUser(ctx.actor);
  if (!user.companyId) throw forbidden("Выберите компанию, чтобы смотреть отчеты");
  return { tenantId: user.tenantId, companyId: user.companyId };
}

/** The caller's company's report inputs: its orders (from orders), the ERP's rows and shipped quantities. */
async function reportInputs(ctx: InventoryContext, args: FilterArgs) {
  const filter: ReadinessFilter = { ...args.filter, statuses: args.filter?.statuses?.map(fromGql) ?? null };
  const problem = checkFilter(filter);
  if (problem) return { error: { __typename: "ReadinessFilterError", code: "INVALID_FILTER", message: problem } };
  const { tenantId, companyId } = dealerCompany(ctx);
  const { orderIds, records, shipped } = await companyReadiness(ctx.db, tenantId, companyId);
  const facts = await ctx.orders.ordersByIds(tenantId, orderIds);
  // Only the company's own orders, whatever inventory stored.
  const orders = [...facts.values()].filter((o) => o.companyId === companyId);
  return { filter, orders, records: records as LineReadiness[], shipped };
}

const productLine = (l: ProductReadinessLine) => ({
  ...l,
  order: { id: l.orderId },
  product: { id: l.productId },
  amount: { amount: l.amount, currency: l.currency },
  status: toGql(l.status),
  statusLabel: LINE_STATUS_LABELS[l.status],
});

async function workbook(
  ctx: InventoryContext,
  report: "ORDERS" | "PRODUCTS",
  input: Exclude<Awaited<ReturnType<typeof reportInputs>>, { error: unknown }>,
) {
  const book = new ExcelJS.Workbook();
  const { filter, orders, records, shipped } = input;
  if (report === "ORDERS") {
    const sheet = book.addWorksheet("Готовность заказов");
    sheet.columns = [
      { header: "Заказ", key: "number", width: 12 },
      { header: "Артикул", key: "article", width: 16 },
      { header: "Наименование", key: "name", width: 40 },
      { header: "Заказано", key: "ordered", width: 10 },
      { header: "Осталось отгрузить", key: "leftToShip", width: 12 },
      { header: "Готово к отгрузке", key: "ready", width: 12 },
      { header: "В отгрузке", key: "inShipment", width: 12 },
    ];
    for (const o of orderReadiness(orders, records, shipped, filter)) {
      for (const l of o.lines) sheet.addRow({ number: o.number, ...l });
    }
    sheet.getRow(1).font = { bold: true };
  } else {
    const sheet = book.addWorksheet("Готовность продукции");
    sheet.columns = [
      { header: "Заказ", key: "number", width: 12 },
      { header: "Наименование", key: "name", width: 40 },
      { header: "Артикул", key: "article", width: 16 },
      { header: "Кол-во", key: "quantity", width: 8 },
      { header: "Стоимость, ₽", key: "amount", width: 14 },
      { header: "Статус", key: "status", width: 16 },
      { header: "Гарантированная дата", key: "guaranteedDate", width: 14 },
      { header: "Дата готовности к отгрузке", key: "readyDate", width: 14 },
      { header: "Склад", key: "warehouse", width: 24 },
    ];
    const warehouses = new Map((await ctx.warehouses()).map((w) => [w.id, w.name]));
    for (const l of productReadiness(orders, records, shipped, filter)) {
      sheet.addRow({
        ...l,
        amount: l.amount / 100,
        status: LINE_STATUS_LABELS[l.status],
        guaranteedDate: l.guaranteedDate ?? "",
        readyDate: l.readyDate ?? "",
        warehouse: l.warehouseId ? (warehouses.get(l.warehouseId) ?? "") : "",
      });
    }
    sheet.getColumn("amount").numFmt = "#,##0.00";
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const readinessQueries = {
  orderReadiness: async (_: unknown, args: FilterArgs, ctx: InventoryContext) => {
    const input = await reportInputs(ctx, args);
    if ("error" in input) return input.error;
    const orders = orderReadiness(input.orders, input.records, input.shipped, input.filter).map((o) => ({
      ...o,
      order: { id: o.orderId },
      lines: o.lines.map((l) => ({ ...l, product: { id: l.productId } })),
    }));
    return { __typename: "OrderReadinessReport", orders };
  },
  productReadiness: async (_: unknown, args: FilterArgs, ctx: InventoryContext) => {
    const input = await reportInputs(ctx, args);
    if ("error" in input) return input.error;
    const lines = productReadiness(input.orders, input.records, input.shipped, input.filter);
    return { __typename: "ProductReadinessReport", lines: lines.map(productLine) };
  },
  readinessExport: async (_: unknown, args: FilterArgs & { report: "ORDERS" | "PRODUCTS" }, ctx: InventoryContext) => {
    const input = await reportInputs(ctx, args);
    if ("error" in input) return input.error;
    const bytes = await workbook(ctx, args.report, input);
    return {
      __typename: "ExportedFile",
      fileName: args.report === "ORDERS" ? "gotovnost-zakazov.xlsx" : "gotovnost-produkcii.xlsx",
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      contentBase64: bytes.toString("base64"),
    };
  },
};

export const readinessMutations = {
  setOrderLineReadiness: async (
    _: unknown,
    args: { rows: (Omit<ReadinessRowInput, "status"> & { status: string })[] },
    ctx: InventoryContext,
  ) => {
    const tenantId = requireStaffOrService(ctx.actor);
    if (args.rows.length > MAX_ROWS) throw badInput(`Не больше ${MAX_ROWS} строк за вызов`, "rows");
    const rows = args.rows.map((r) => ({ ...r, status: fromGql(r.status) }));
    const [orders, warehouses] = await Promise.all([
      ctx.orders.ordersByIds(
        tenantId,
        rows.map((r) => r.orderId),
      ),
      ctx.warehouses(),
    ]);
    const plan = planReadiness(rows, orders, new Map(warehouses.map((w) => [w.code, w.id])));
    if (!plan.ok) return { applied: false, rows: rows.length, changed: 0, errors: plan.errors };
    const changed = await upsertReadiness(ctx.db, tenantId, plan.rows);
    return { applied: true, rows: rows.length, changed, errors: [] };
  },
};

export const readinessTypes = {
  OrderReadinessResult: { __resolveType: (r: { __typename: string }) => r.__typename },
  ProductReadinessResult: { __resolveType: (r: { __typename: string }) => r.__typename },
  ReadinessExportResult: { __resolveType: (r: { __typename: string }) => r.__typename },
  ProductReadiness: {
    warehouse: (l: { warehouseId: string | null }, _: unknown, ctx: InventoryContext) =>
      l.warehouseId ? ctx.loaders.warehouse.load(l.warehouseId) : null,
  },
};
