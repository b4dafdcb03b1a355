import type { Actor } from "@dpp/auth";
import { forbidden, requireTenant, requireUser } from "@dpp/server";
import DataLoader from "dataloader";
import { type InventoryContext, requireService, requireStaffOrService } from "../context.ts";
import { companyShipments } from "../db/readiness.ts";
import { setShipmentNotifications, shipmentSubscribers } from "../db/shipment-mail.ts";
import {
  createShipment,
  latestShipments,
  type ShipmentRow,
  shipmentById,
  shipmentLinesOf,
  shipmentsOfOrders,
} from "../db/shipments.ts";
import { checkShipment, checkShipmentOrders, type ShipmentInput } from "../domain/shipment.ts";

type Lines = Awaited<ReturnType<typeof shipmentLinesOf>>;
const linesLoaders = new WeakMap<InventoryContext, DataLoader<string, Lines>>();

/** One query per page of shipments, cached for the request only. */
function linesLoader(ctx: InventoryContext) {
  let loader = linesLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, Lines>(async (ids) => {
      const rows = await shipmentLinesOf(ctx.db, ctx.tenantId(), ids);
      return ids.map((id) => rows.filter((r) => r.shipmentId === id));
    });
    linesLoaders.set(ctx, loader);
  }
  return loader;
}

/** A dealer user acting for a company sees that company's shipments; staff and services the tenant's. */
function shipmentScope(actor: Actor): { tenantId: string; companyId: string | null } {
  const tenantId = requireTenant(actor);
  if (actor.kind === "user" && actor.companyId) return { tenantId, companyId: actor.companyId };
  return { tenantId: requireStaffOrService(actor), companyId: null };
}

function dealerUser(actor: Actor) {
  const user = requireUser(actor);
  if (!user.companyId) throw forbidden("Выберите компанию, чтобы получать уведомления об отгрузках");
  return { tenantId: user.tenantId, companyId: user.companyId, userId: user.userId };
}

export const shipmentQueries = {
  shipments: (_: unknown, args: { first?: number | null }, ctx: InventoryContext) => {
    const { tenantId, companyId } = shipmentScope(ctx.actor);
    const limit = Math.min(Math.max(args.first ?? 50, 1), 500);
    return companyId ? companyShipments(ctx.db, tenantId, companyId, limit) : latestShipments(ctx.db, tenantId, limit);
  },
  shipment: async (_: unknown, args: { id: string }, ctx: InventoryContext) => {
    const { tenantId, companyId } = shipmentScope(ctx.actor);
    const row = await shipmentById(ctx.db, tenantId, args.id);
    return row && (companyId === null || row.companyId === companyId) ? row : null;
  },
  shipmentNotifications: async (_: unknown, __: unknown, ctx: InventoryContext) => {
    const { tenantId, companyId, userId } = dealerUser(ctx.actor);
    return (await shipmentSubscribers(ctx.db, tenantId, companyId)).includes(userId);
  },
  shipmentNotice: async (_: unknown, args: { shipmentId: string }, ctx: InventoryContext) => {
    const tenantId = requireService(ctx.actor);
    const row = await shipmentById(ctx.db, tenantId, args.shipmentId);
    if (!row?.companyId) return null;
    return {
      ...row,
      shipmentId: row.id,
      amount: { amount: row.amount ?? 0, currency: row.currency ?? "RUB" },
      subscriberIds: await shipmentSubscribers(ctx.db, tenantId, row.companyId),
    };
  },
};

export const shipmentMutations = {
  createShipment: async (_: unknown, args: { input: ShipmentInput }, ctx: InventoryContext) => {
    const tenantId = requireStaffOrService(ctx.actor);
    const problems = checkShipment(args.input);
    if (problems.length > 0) return { __typename: "WaybillError", message: "Накладная не принята", problems };
    const orders = await ctx.orders.ordersByIds(
      tenantId,
      args.input.lines.map((l) => l.orderId),
    );
    const buyer = checkShipmentOrders(args.input.lines, orders);
    if (!buyer.ok) return { __typename: "WaybillError", message: "Накладная не принята", problems: buyer.problems };
    const { companyId, amount, currency } = buyer;
    const { shipment } = await createShipment(ctx.db, tenantId, args.input, { companyId, amount, currency });
    return { __typename: "Waybill", ...shipment };
  },
  setShipmentNotifications: (_: unknown, args: { enabled: boolean }, ctx: InventoryContext) => {
    const { tenantId, companyId, userId } = dealerUser(ctx.actor);
    return setShipmentNotifications(ctx.db, tenantId, companyId, userId, args.enabled);
  },
};

export const shipmentTypes = {
  WaybillResult: { __resolveType: (r: { __typename: string }) => r.__typename },
  Waybill: {
    amount: (s: ShipmentRow) => (s.amount === null ? null : { amount: s.amount, currency: s.currency ?? "RUB" }),
    lines: (s: ShipmentRow, _: unknown, ctx: InventoryContext) => linesLoader(ctx).load(s.id),
    orderIds: async (s: ShipmentRow, _: unknown, ctx: InventoryContext) => [
      ...new Set((await linesLoader(ctx).load(s.id)).map((l) => l.orderId)),
    ],
  },
  WaybillLine: {
    order: (l: { orderId: string }) => ({ id: l.orderId }),
    product: (l: { productId: string }) => ({ id: l.productId }),
  },
  Order: {
    __resolveReference: (ref: { id: string }, ctx: InventoryContext) => {
      ctx.tenantId();
      return { id: ref.id };
    },
    shipments: async (order: { id: string }, _: unknown, ctx: InventoryContext) =>
      (await shipmentsOfOrders(ctx.db, ctx.tenantId(), [order.id])).map((r) => r.shipment),
  },
};
