import DataLoader from "dataloader";
import { type InventoryContext, requireStaffOrService } from "../context.ts";
import {
  createShipment,
  latestShipments,
  type ShipmentRow,
  shipmentLinesOf,
  shipmentsOfOrders,
} from "../db/shipments.ts";
import { checkShipment, type ShipmentInput } from "../domain/shipment.ts";

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

export const shipmentQueries = {
  shipments: (_: unknown, args: { first?: number | null }, ctx: InventoryContext) =>
    latestShipments(ctx.db, requireStaffOrService(ctx.actor), Math.min(Math.max(args.first ?? 50, 1), 500)),
};

export const shipmentMutations = {
  createShipment: async (_: unknown, args: { input: ShipmentInput }, ctx: InventoryContext) => {
    const tenantId = requireStaffOrService(ctx.actor);
    const problems = checkShipment(args.input);
    if (problems.length > 0) return { __typename: "WaybillError", message: "Накладная не принята", problems };
    const { shipment } = await createShipment(ctx.db, tenantId, args.input);
    return { __typename: "Waybill", ...shipment };
  },
};

export const shipmentTypes = {
  WaybillResult: { __resolveType: (r: { __typename: string }) => r.__typename },
  Waybill: {
    lines: (s: ShipmentRow, _: unknown, ctx: InventoryContext) => linesLoader(ctx).load(s.id),
    orderIds: async (s: ShipmentRow, _: unknown, ctx: InventoryContext) => [
      ...new Set((await linesLoader(ctx).load(s.id)).map((l) => l.orderId)),
    ],
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
