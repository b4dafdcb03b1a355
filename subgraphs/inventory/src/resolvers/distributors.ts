import type { Actor } from "@dpp/auth";
import { badInput, forbidden, requireUser } from "@dpp/server";
import ExcelJS from "exceljs";
import { GraphQLError } from "graphql";
import type { InventoryContext } from "../context.ts";
import {
  companyStock,
  companyWarehouses,
  deleteCompanyStock,
  replaceCompanyStock,
  upsertCompanyWarehouses,
} from "../db/distributors.ts";
import { planWarehouseList, type WarehouseRowInput } from "../domain/distributor-warehouses.ts";
import { planStockUpdate, type StockUpdateRow } from "../domain/stock-update.ts";
import { readTable, UnreadableFile } from "../files/table.ts";

interface UploadedFile {
  fileName: string;
  contentBase64: string;
}

/** Within the platform's 2 MB request (base64 adds a third): about 100,000 rows of .xlsx. */
const MAX_FILE_BYTES = 1.5 * 1024 * 1024;
const MAX_API_ROWS = 10_000;

/** The dealers' right «Предоставление отчетов об остатках и продажах» (seed 001): who reports the distributor's stock. */
export const STOCK_REPORTS_RIGHT = "stock.view";

/**
 * The caller's dealer company acts as the distributor: its warehouses, its stock. Changing them
 * takes the right to report stock; reading them only membership of the company.
 */
function requireDistributor(actor: Actor, change = false): { tenantId: string; companyId: string } {
  const user = requireUser(actor);
  if (!user.companyId) throw forbidden("Выберите компанию-дистрибьютора");
  if (change && !user.permissions.includes(STOCK_REPORTS_RIGHT))
    throw forbidden("Нужно право «Предоставление отчетов об остатках и продажах»");
  return { tenantId: user.tenantId, companyId: user.companyId };
}

/** The tenant keeps a distributor network (features.distributorNetwork), else NOT_AVAILABLE. */
async function requireNetwork(ctx: InventoryContext, change = false) {
  const who = requireDistributor(ctx.actor, change);
  if (!(await ctx.features()).distributorNetwork)
    throw new GraphQLError("Поставщик не ведет сеть дистрибьюторов", { extensions: { code: "NOT_AVAILABLE" } });
  return who;
}

function bytesOf(file: UploadedFile): Buffer {
  const bytes = Buffer.from(file.contentBase64, "base64");
  if (bytes.length === 0) throw badInput("Файл пуст", "file");
  if (bytes.length > MAX_FILE_BYTES)
    throw badInput("Файл больше 1,5 МБ: разделите его или сохраните как .xlsx", "file");
  return bytes;
}

async function tableOf(file: UploadedFile, isHeader: (cells: string[]) => boolean) {
  try {
    return await readTable(file.fileName, bytesOf(file), isHeader);
  } catch (error) {
    if (error instanceof UnreadableFile) throw badInput(error.message, "file");
    throw error;
  }
}

async function saveWarehouses(ctx: InventoryContext, rows: WarehouseRowInput[]) {
  const { tenantId, companyId } = await requireNetwork(ctx, true);
  const plan = planWarehouseList(rows);
  if (!plan.ok) return { applied: false, rows: rows.length, saved: 0, errors: plan.errors };
  const saved = await upsertCompanyWarehouses(ctx.db, tenantId, companyId, plan.rows);
  return { applied: true, rows: rows.length, saved, errors: [] };
}

/** Checks every row against the company's warehouses and the catalog; replaces the stock only if all pass. */
async function replaceStock(ctx: InventoryContext, rows: StockUpdateRow[]) {
  const { tenantId, companyId } = await requireNetwork(ctx, true);
  const [warehouses, products] = await Promise.all([
    companyWarehouses(ctx.db, tenantId, companyId),
    ctx.catalog.productIdsByArticles(
      tenantId,
      rows.map((r) => r.article),
    ),
  ]);
  const plan = planStockUpdate(rows, new Map(warehouses.map((w) => [w.code, w.id])), products);
  if (!plan.ok) return { applied: false, rows: rows.length, changed: 0, errors: plan.errors };
  const stored = await replaceCompanyStock(ctx.db, tenantId, companyId, plan.rows);
  return { applied: true, rows: rows.length, changed: stored, errors: [] };
}

const quantityOf = (text: string) => (text === "" ? Number.NaN : Number(text.replace(",", ".")));

export const distributorQueries = {
  distributorWarehouses: async (_: unknown, __: unknown, ctx: InventoryContext) => {
    const { tenantId, companyId } = await requireNetwork(ctx);
    return companyWarehouses(ctx.db, tenantId, companyId);
  },
  distributorStockExport: async (_: unknown, __: unknown, ctx: InventoryContext) => {
    const { tenantId, companyId } = await requireNetwork(ctx);
    const rows = await companyStock(ctx.db, tenantId, companyId);
    const products = await ctx.catalog.productsByIds(
      tenantId,
      rows.map((r) => r.productId),
    );
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Остатки");
    sheet.columns = [
      { header: "Код склада", key: "code", width: 14 },
      { header: "Артикул", key: "article", width: 18 },
      { header: "Количество", key: "quantity", width: 12 },
      { header: "Ссылка", key: "link", width: 40 },
      { header: "Дата загрузки", key: "date", width: 14 },
    ];
    for (const r of rows) {
      sheet.addRow({
        code: r.warehouseCode,
        article: products.get(r.productId)?.article ?? r.productId,
        quantity: r.quantity,
        link: r.link ?? "",
        date: r.uploadedAt.toISOString().slice(0, 10),
      });
    }
    sheet.getRow(1).font = { bold: true };
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    return {
      fileName: "ostatki-distributora.xlsx",
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      contentBase64: bytes.toString("base64"),
    };
  },
};

export const distributorMutations = {
  saveDistributorWarehouses: (_: unknown, args: { rows: WarehouseRowInput[] }, ctx: InventoryContext) =>
    saveWarehouses(ctx, args.rows),
  importDistributorWarehouses: async (_: unknown, args: { file: UploadedFile }, ctx: InventoryContext) => {
    await requireNetwork(ctx, true);
    const table = await tableOf(args.file, (cells) => /^код/i.test(cells[0] ?? ""));
    const rows = table.map(({ line, cells }) => ({
      line,
      code: cells[0] ?? "",
      name: cells[1] ?? "",
      address: cells[2] ?? "",
      contacts: cells[3] ?? "",
    }));
    return saveWarehouses(ctx, rows);
  },
  uploadDistributorStock: async (_: unknown, args: { file: UploadedFile }, ctx: InventoryContext) => {
    await requireNetwork(ctx, true);
    // The header is the first row whose quantity column is not a number.
    const table = await tableOf(args.file, (cells) => !/^-?\d+([.,]\d+)?$/.test(cells[2] ?? ""));
    const rows = table.map(({ line, cells }) => ({
      line,
      warehouseCode: cells[0] ?? "",
      article: cells[1] ?? "",
      quantity: quantityOf(cells[2] ?? ""),
      link: cells[3] || null,
    }));
    return replaceStock(ctx, rows);
  },
  setDistributorStock: (_: unknown, args: { rows: StockUpdateRow[] }, ctx: InventoryContext) => {
    if (args.rows.length > MAX_API_ROWS) throw badInput(`Не больше ${MAX_API_ROWS} строк за вызов`, "rows");
    return replaceStock(ctx, args.rows);
  },
  deleteDistributorStock: async (_: unknown, __: unknown, ctx: InventoryContext) => {
    const { tenantId, companyId } = await requireNetwork(ctx, true);
    return deleteCompanyStock(ctx.db, tenantId, companyId);
  },
};
