import {
  INTERNAL_TOKEN_HEADER,
  REQUEST_ID_HEADER,
  signInternalToken,
  signServiceToken,
  type UserActor,
} from "@dpp/auth";
import { z } from "zod";

export interface CheckoutClientsOptions {
  /** Base URL of identity (the user's counterparties); absent: a checkout that needs them fails loudly. */
  identityUrl?: string;
  /** Base URL of finance (the company's contracts); a function when finance starts after orders. */
  financeUrl: string | (() => string);
  /** Base URL of inventory (the tenant's warehouses). */
  inventoryUrl: string;
  internalTokenSecret: string;
}

const responseSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

async function post(url: string, token: string, requestId: string, query: string, variables: object = {}) {
  const res = await fetch(`${url.replace(/\/+$/, "")}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = responseSchema.parse(await res.json());
  if (!res.ok || body.errors?.length || !body.data) {
    throw new Error(`${url}: ${res.status} ${body.errors?.map((e) => e.message).join("; ") ?? "no data"}`);
  }
  return body.data;
}

const named = z.object({ id: z.string(), name: z.string() });
const counterpartiesSchema = z.object({ viewer: z.object({ counterparties: z.array(named) }).nullable() });
const contractsSchema = z.object({
  companyContracts: z.array(z.object({ id: z.string(), number: z.string(), counterpartyId: z.string().nullable() })),
});
const warehousesSchema = z.object({ warehouses: z.array(named) });

/** What a checkout reads from the other subgraphs. Transport and GraphQL errors throw: nothing is submitted. */
export interface CheckoutClients {
  /** The counterparties the user may act for: identity's viewer, asked as the user. */
  counterparties(actor: UserActor, requestId: string): Promise<{ id: string; name: string }[]>;
  /** The company's contracts, asked as the orders service (the dealer may lack the finance right). */
  contracts(
    tenantId: string,
    companyId: string,
    requestId: string,
  ): Promise<{ id: string; number: string; counterpartyId: string | null }[]>;
  /** The tenant's warehouses, asked as the orders service. */
  warehouses(tenantId: string, requestId: string): Promise<{ id: string; name: string }[]>;
}

export function createCheckoutClients(opts: CheckoutClientsOptions): CheckoutClients {
  const financeUrl = () => (typeof opts.financeUrl === "function" ? opts.financeUrl() : opts.financeUrl);
  const service = (tenantId: string, requestId: string) =>
    signServiceToken("orders", tenantId, opts.internalTokenSecret, requestId);
  return {
    async counterparties(actor, requestId) {
      if (!opts.identityUrl) throw new Error("orders: identityUrl is not configured (checkout counterparties)");
      const token = await signInternalToken({ actor, requestId }, opts.internalTokenSecret);
      const data = await post(opts.identityUrl, token, requestId, "{ viewer { counterparties { id name } } }");
      return counterpartiesSchema.parse(data).viewer?.counterparties ?? [];
    },
    async contracts(tenantId, companyId, requestId) {
      const data = await post(
        financeUrl(),
        await service(tenantId, requestId),
        requestId,
        "query($c: ID!) { companyContracts(companyId: $c) { id number counterpartyId } }",
        { c: companyId },
      );
      return contractsSchema.parse(data).companyContracts;
    },
    async warehouses(tenantId, requestId) {
      const data = await post(
        opts.inventoryUrl,
        await service(tenantId, requestId),
        requestId,
        "{ warehouses { id name } }",
      );
      return warehousesSchema.parse(data).warehouses;
    },
  };
}
