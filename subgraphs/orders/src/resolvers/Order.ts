import type { OrdersContext } from "../context.ts";
import type { OrderLineRow, OrderRow } from "../db/queries.ts";
import { lineAmount, orderTotals } from "../domain/totals.ts";
import { DRAFT_STATUS, statusOf } from "../domain/workflow.ts";

const money = (amount: number, currency: string) => ({ amount, currency });

/** A line as OrderLine resolves it: the row plus its order's currency. */
type LineParent = OrderLineRow & { currency: string };

export const Order = {
  __resolveReference: (ref: { id: string }, ctx: OrdersContext) => ctx.loaders.order.load(ref.id),
  number: (o: OrderRow) => o.number ?? "",
  status: async (o: OrderRow, _: unknown, ctx: OrdersContext) => {
    if (o.isDraft || o.workflowVersion === null) return DRAFT_STATUS;
    return statusOf(await ctx.loaders.workflow.load(o.workflowVersion), o.statusCode);
  },
  lines: async (o: OrderRow, _: unknown, ctx: OrdersContext): Promise<LineParent[]> =>
    (await ctx.loaders.lines.load(o.id)).map((l) => ({ ...l, currency: o.currency })),
  totals: async (o: OrderRow, _: unknown, ctx: OrdersContext) => {
    const [lines, settings] = await Promise.all([ctx.loaders.lines.load(o.id), ctx.settings()]);
    const t = orderTotals(lines, settings.vatRounding);
    return {
      positions: t.positions,
      pieces: t.pieces,
      packages: t.packages,
      massKg: t.massGrams / 1000,
      positionsWithoutMass: t.massUnknown,
      volumeM3: t.volumeCm3 / 1_000_000,
      positionsWithoutVolume: t.volumeUnknown,
      baseCost: money(t.baseCost, o.currency),
      discount: money(t.discount, o.currency),
      amount: money(t.amount, o.currency),
      vat: money(t.vat, o.currency),
    };
  },
  createdAt: (o: OrderRow) => o.createdAt.toISOString(),
  submittedAt: (o: OrderRow) => o.submittedAt?.toISOString() ?? null,
};

export const OrderLine = {
  product: (l: LineParent) => ({ __typename: "Product", id: l.productId }),
  unitPrice: (l: LineParent) => money(l.unitPrice, l.currency),
  amount: (l: LineParent) => money(lineAmount(l), l.currency),
};
