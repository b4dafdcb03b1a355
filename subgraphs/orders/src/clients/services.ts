import {
  INTERNAL_TOKEN_HEADER,
  REQUEST_ID_HEADER,
  signInternalToken,
  signServiceToken,
  type UserActor,
} from "@dpp/auth";
import { z } from "zod";
import type { CreditFacts } from "../domain/workflow.ts";

const responseSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

/** POSTs one GraphQL request to a subgraph with an internal token; transport and GraphQL errors throw. */
async function post(
  baseUrl: string,
  token: string,
  requestId: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${baseUrl.replace(/\/+$/, "")}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = responseSchema.parse(await res.json());
  if (!res.ok || body.errors?.length || !body.data) {
    throw new Error(`${baseUrl}: ${res.status} ${body.errors?.map((e) => e.message).join("; ") ?? "no data"}`);
  }
  return body.data;
}

/**
 * Calls another subgraph directly as the orders service, scoped to one tenant (contracts §1).
 * Transport and GraphQL errors throw: a transition that needs the answer does not happen.
 */
async function callAsService(
  baseUrl: string,
  secret: string,
  tenantId: string,
  requestId: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return post(baseUrl, await signServiceToken("orders", tenantId, secret, requestId), requestId, query, variables);
}

const creditSchema = z.object({
  creditStatus: z.object({
    paymentTerms: z.enum(["PREPAYMENT", "DEFERRAL"]).nullable(),
    deferralDays: z.number().int().nullable(),
    overdueDebt: z.object({ amount: z.number().int() }),
    available: z.object({ amount: z.number().int() }).nullable(),
  }),
});

const reservationSchema = z.object({
  reserveOrderStock: z.union([
    z.object({ __typename: z.literal("Reservation"), expiresAt: z.string().nullable() }),
    z.object({
      __typename: z.literal("ReservationError"),
      code: z.string(),
      message: z.string(),
      shortages: z.array(z.object({ productId: z.string(), requested: z.number(), available: z.number() })),
    }),
  ]),
});

export interface ReserveLine {
  productId: string;
  quantity: number;
}

export type ReserveOutcome =
  | { ok: true; expiresAt: Date | null }
  | {
      ok: false;
      code: string;
      message: string;
      shortages: { productId: string; requested: number; available: number }[];
    };

/** Finance and inventory as the workflow's guards and effects ask them. */
export interface OrderServices {
  credit(tenantId: string, companyId: string, amount: number, requestId: string): Promise<CreditFacts>;
  /** Whether finance sees the invoice issued for the order paid in full (false without one). */
  orderPaid(tenantId: string, orderId: string, requestId: string): Promise<boolean>;
  /** The submitting dealer's personal manager (identity, asked as the user); null: the managers' pool. */
  personalManager(actor: UserActor, requestId: string): Promise<string | null>;
  reserve(
    tenantId: string,
    input: { orderId: string; holdUntil: Date | null; lines: ReserveLine[] },
    requestId: string,
  ): Promise<ReserveOutcome>;
  release(tenantId: string, orderId: string, requestId: string): Promise<boolean>;
  /**
   * Identity's current tenant definition (JSON: the workflow editor checks which statuses its
   * documents and bonus rule name); null only where orders runs without identity.
   */
  tenantDefinition(tenantId: string, requestId: string): Promise<unknown | null>;
}

export function createOrderServices(opts: {
  financeUrl: string | (() => string);
  inventoryUrl: string;
  /**
   * Identity (the personal manager at submission). Absent only where orders runs alone (its own
   * tests; the service's config requires IDENTITY_URL): then every order goes to the pool.
   */
  identityUrl?: string;
  secret: string;
}): OrderServices {
  const financeUrl = () => (typeof opts.financeUrl === "function" ? opts.financeUrl() : opts.financeUrl);
  return {
    async credit(tenantId, companyId, amount, requestId) {
      const data = await callAsService(
        financeUrl(),
        opts.secret,
        tenantId,
        requestId,
        `query($c: ID!, $a: MinorUnits) { creditStatus(companyId: $c, amount: $a) {
          paymentTerms deferralDays overdueDebt { amount } available { amount } } }`,
        { c: companyId, a: amount },
      );
      const s = creditSchema.parse(data).creditStatus;
      return {
        paymentTerms: s.paymentTerms,
        deferralDays: s.deferralDays,
        overdueDebt: s.overdueDebt.amount,
        available: s.available?.amount ?? null,
      };
    },
    async orderPaid(tenantId, orderId, requestId) {
      const data = await callAsService(
        financeUrl(),
        opts.secret,
        tenantId,
        requestId,
        "query($o: ID!) { orderPaid(orderId: $o) }",
        { o: orderId },
      );
      return z.object({ orderPaid: z.boolean() }).parse(data).orderPaid;
    },
    async personalManager(actor, requestId) {
      if (!opts.identityUrl) return null;
      const token = await signInternalToken({ actor, requestId }, opts.secret);
      const data = await post(opts.identityUrl, token, requestId, "{ viewer { personalManager { id } } }", {});
      const viewer = z.object({
        viewer: z.object({ personalManager: z.object({ id: z.string() }).nullable() }).nullable(),
      });
      return viewer.parse(data).viewer?.personalManager?.id ?? null;
    },
    async reserve(tenantId, input, requestId) {
      const data = await callAsService(
        opts.inventoryUrl,
        opts.secret,
        tenantId,
        requestId,
        `mutation($input: ReserveOrderStockInput!) { reserveOrderStock(input: $input) {
          __typename ... on Reservation { expiresAt }
          ... on ReservationError { code message shortages { productId requested available } } } }`,
        { input: { orderId: input.orderId, holdUntil: input.holdUntil?.toISOString() ?? null, lines: input.lines } },
      );
      const r = reservationSchema.parse(data).reserveOrderStock;
      if (r.__typename === "Reservation") return { ok: true, expiresAt: r.expiresAt ? new Date(r.expiresAt) : null };
      return { ok: false, code: r.code, message: r.message, shortages: r.shortages };
    },
    async release(tenantId, orderId, requestId) {
      const data = await callAsService(
        opts.inventoryUrl,
        opts.secret,
        tenantId,
        requestId,
        "mutation($o: ID!) { releaseOrderStock(orderId: $o) }",
        { o: orderId },
      );
      return z.object({ releaseOrderStock: z.boolean() }).parse(data).releaseOrderStock;
    },
    async tenantDefinition(tenantId, requestId) {
      if (!opts.identityUrl) return null;
      const data = await callAsService(
        opts.identityUrl,
        opts.secret,
        tenantId,
        requestId,
        "{ currentTenantDefinition }",
        {},
      );
      return data.currentTenantDefinition ?? null;
    },
  };
}
