import { requireTenant } from "@dpp/server";
import { GraphQLError } from "graphql";
import type { InventoryContext } from "../context.ts";
import { tenantLeadTimeSettings } from "../db/queries.ts";
import { businessCalendar, moscowDate } from "../domain/calendar.ts";
import { leadTime } from "../domain/lead-time.ts";

interface LeadTimeRequest {
  productId: string;
  quantity: number;
  warehouseId?: string | null;
}

const MAX_LINES = 500;
const bad = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

export const leadTimeQueries = {
  leadTimesAvailable: async (_: unknown, __: unknown, ctx: InventoryContext) =>
    (await tenantLeadTimeSettings(ctx.db, requireTenant(ctx.actor))) !== null,
  /**
   * Per line and warehouse (the named one, else every warehouse of the tenant): the quantity
   * rounded to the pack, what ships from stock in the shipping days and the rest in the
   * warehouse's replenishment days, counted on the tenant's production calendar from today.
   */
  leadTimes: async (_: unknown, args: { lines: LeadTimeRequest[] }, ctx: InventoryContext) => {
    const tenantId = requireTenant(ctx.actor);
    if (args.lines.length > MAX_LINES) throw bad(`Не больше ${MAX_LINES} строк за запрос`);
    const settings = await tenantLeadTimeSettings(ctx.db, tenantId);
    if (!settings) {
      throw new GraphQLError("Поставщик не ведет сроки готовности", { extensions: { code: "NOT_AVAILABLE" } });
    }
    const [warehouses, products] = await Promise.all([
      ctx.warehouses(),
      ctx.catalog.productsByIds(
        tenantId,
        args.lines.map((l) => l.productId),
      ),
    ]);
    const calendar = businessCalendar(settings.calendar);
    const today = moscowDate(new Date());
    const result = [];
    for (const [i, line] of args.lines.entries()) {
      const product = products.get(line.productId);
      if (!product) throw bad(`Строка ${i + 1}: нет товара ${line.productId}`);
      if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
        throw bad(`Строка ${i + 1}: количество должно быть целым положительным`);
      }
      const targets = line.warehouseId ? warehouses.filter((w) => w.id === line.warehouseId) : warehouses;
      if (targets.length === 0) throw bad(`Строка ${i + 1}: нет склада ${line.warehouseId}`);
      const stock = await ctx.loaders.stock.load(line.productId);
      for (const warehouse of targets) {
        const entry = stock.find((s) => s.warehouse.id === warehouse.id);
        const available = Math.max(0, (entry?.quantity ?? 0) - (entry?.reserved ?? 0));
        const lt = leadTime({
          requested: line.quantity,
          packMultiple: product.packMultiple,
          unit: product.unit,
          available,
          settings: {
            shippingDays: settings.shippingDays,
            replenishmentDays: warehouse.replenishmentDays ?? settings.replenishmentDays,
          },
          calendar,
          today,
        });
        result.push({ productId: line.productId, warehouse, requested: line.quantity, available, ...lt });
      }
    }
    return result;
  },
};
