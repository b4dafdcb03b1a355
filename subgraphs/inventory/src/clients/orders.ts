import { randomUUID } from "node:crypto";
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signServiceToken } from "@dpp/auth";
import { z } from "zod";

/** One line of an order as orders keeps it (the snapshot taken when it was added). */
export interface OrderLineFacts {
  productId: string;
  article: string;
  name: string;
  quantity: number;
  /** kopecks */
  unitPrice: number;
  /** kopecks: unitPrice × quantity */
  amount: number;
  currency: string;
}

/** What inventory needs to know about an order: whose it is and what it holds. */
export interface OrderFacts {
  id: string;
  number: string;
  isDraft: boolean;
  companyId: string;
  submittedAt: string | null;
  lines: OrderLineFacts[];
}

/** The orders lookups inventory needs (shipments, readiness reports). */
export interface OrdersLookup {
  /** Orders of the tenant by id; unknown ids are absent. */
  ordersByIds(tenantId: string, ids: readonly string[]): Promise<Map<string, OrderFacts>>;
}

const CHUNK = 200;
const BY_IDS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order {
  id number isDraft submittedAt company { id }
  lines { product { id } article name quantity unitPrice { amount currency } amount { amount } } } } }`;
const money = z.object({ amount: z.number().int(), currency: z.string() });
const byIds = z.object({
  _entities: z.array(
    z
      .object({
        id: z.string(),
        number: z.string(),
        isDraft: z.boolean(),
        submittedAt: z.string().nullable(),
        company: z.object({ id: z.string() }),
        lines: z.array(
          z.object({
            product: z.object({ id: z.string() }),
            article: z.string(),
            name: z.string(),
            quantity: z.number().int(),
            unitPrice: money,
            amount: z.object({ amount: z.number().int() }),
          }),
        ),
      })
      .nullable(),
  ),
});
const envelope = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(z.object({ message: z.string() })).nullish(),
});

/** Calls the orders subgraph directly as the inventory service, scoped to one tenant (contracts §1). */
export function createOrdersLookup(opts: {
  ordersUrl: string | (() => string);
  internalTokenSecret: string;
}): OrdersLookup {
  const url = () =>
    `${(typeof opts.ordersUrl === "function" ? opts.ordersUrl() : opts.ordersUrl).replace(/\/+$/, "")}/graphql`;
  return {
    async ordersByIds(tenantId, ids) {
      const unique = [...new Set(ids)];
      const found = new Map<string, OrderFacts>();
      for (let i = 0; i < unique.length; i += CHUNK) {
        const requestId = `inv-${randomUUID()}`;
        const token = await signServiceToken("inventory", tenantId, opts.internalTokenSecret, requestId);
        const r = unique.slice(i, i + CHUNK).map((id) => ({ __typename: "Order", id }));
        const res = await fetch(url(), {
          method: "POST",
          headers: {
            "content-type": "application/json",
            [INTERNAL_TOKEN_HEADER]: token,
            [REQUEST_ID_HEADER]: requestId,
          },
          body: JSON.stringify({ query: BY_IDS, variables: { r } }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = envelope.parse(await res.json());
        if (body.errors?.length || !body.data) {
          throw new Error(`orders: ${body.errors?.map((e) => e.message).join("; ") ?? `HTTP ${res.status}`}`);
        }
        for (const o of byIds.parse(body.data)._entities) {
          if (!o) continue;
          found.set(o.id, {
            id: o.id,
            number: o.number,
            isDraft: o.isDraft,
            submittedAt: o.submittedAt,
            companyId: o.company.id,
            lines: o.lines.map((l) => ({
              productId: l.product.id,
              article: l.article,
              name: l.name,
              quantity: l.quantity,
              unitPrice: l.unitPrice.amount,
              amount: l.amount.amount,
              currency: l.unitPrice.currency,
            })),
          });
        }
      }
      return found;
    },
  };
}
