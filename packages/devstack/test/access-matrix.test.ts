import { readFileSync } from "node:fs";
import { type GraphQLResponse, postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { type ObjectTypeDefinitionNode, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccessCase, type Attacker, CASES, type Expectation, type Fixture } from "./access-cases.ts";

/**
 * The cross-tenant and cross-dealer matrix, generated from the supergraph's root fields: every
 * Query and Mutation field runs, through the real gateway, as tenant B's dealer, as another dealer
 * of tenant A (and, for staff operations, as tenant B's manager) against dealer A's data. Each must
 * be refused, or answer about the caller's own data without a trace of A's; afterwards A's state
 * is exactly what it was. A root field without a case in access-cases.ts fails the first test.
 */
const SUPERGRAPH = readFileSync(new URL("../../../schema/supergraph.graphql", import.meta.url), "utf8");

function rootFields(): string[] {
  const out: string[] = [];
  for (const def of parse(SUPERGRAPH).definitions) {
    if (def.kind !== "ObjectTypeDefinition" && def.kind !== "ObjectTypeExtension") continue;
    const name = (def as ObjectTypeDefinitionNode).name.value;
    if (name !== "Query" && name !== "Mutation") continue;
    for (const f of def.fields ?? []) if (!f.name.value.startsWith("_")) out.push(`${name}.${f.name.value}`);
  }
  return out;
}

let stack: Stack;
let fx: Fixture;
const bearer: Record<Attacker | "victim", string> = {
  victim: "",
  otherTenantDealer: "",
  sameTenantDealer: "",
  otherTenantManager: "",
};
/** What must never appear in an answer to each attacker. */
let secrets: Record<Attacker, string[]>;
let before: unknown;

// biome-ignore lint/suspicious/noExplicitAny: GraphQL answers are read field by field
type Data = Record<string, any>;

async function gql(
  auth: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<Data>> {
  return postGraphQL<Data>(stack.gatewayUrl, query, variables, auth ? { authorization: auth } : {});
}
async function ok(auth: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const r = await gql(auth, query, variables);
  if (r.errors) throw new Error(`${query}: ${JSON.stringify(r.errors)}`);
  return r.data ?? {};
}

async function login(email: string, tenantSlug: string) {
  const d = await ok(
    "",
    `mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken refreshToken user { id } } ... on AuthError { code } } }`,
    {
      i: { email, password: "Demo-2026", tenantSlug },
    },
  );
  if (!d.login.accessToken) throw new Error(`login ${email}@${tenantSlug}: ${d.login.code}`);
  return {
    auth: `Bearer ${d.login.accessToken}`,
    refreshToken: d.login.refreshToken as string,
    userId: d.login.user.id as string,
  };
}

/** A's state that no attacker may change. */
async function snapshot() {
  const a = bearer.victim;
  const orders = await ok(a, "query { orders(drafts: true, first: 100) { id statusCode lines { id quantity } } }");
  const submitted = await ok(a, "query { orders(first: 100) { id statusCode } }");
  const users = await ok(a, "query { companyUsers { id role status permissions manager { id } } }");
  const keys = await ok(a, "query { apiKeys { id revokedAt } }");
  const viewer = await ok(a, "query { viewer { user { email profile { region } } status permissions } }");
  const webhooks = await ok(a, "query { webhookSubscriptions { id url topics active } }");
  return { orders, submitted, users, keys, viewer, webhooks };
}

beforeAll(async () => {
  stack = await startStack();
  const A = "wasserkraft";
  const victim = await login("dealer@wasserkraft.demo", A);
  bearer.victim = victim.auth;
  const other = await login("dealer@keaz.demo", "keaz");
  bearer.otherTenantDealer = other.auth;
  const same = await login("dealer@multibrand.demo", A);
  bearer.sameTenantDealer = same.auth;
  const manager = await login("manager@keaz.demo", "keaz");
  bearer.otherTenantManager = manager.auth;

  const v = bearer.victim;
  const { products } = await ok(v, "query { products(first: 1) { nodes { id article } } }");
  const product = products.nodes[0];
  const order = await ok(v, `mutation { createDraft(name: "к отправке") { id } }`);
  await ok(v, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
    i: { orderId: order.createDraft.id, productId: product.id, quantity: 2 },
  });
  const sent = await ok(
    v,
    `mutation($o: ID!) { submitOrder(orderId: $o, checkout: { confirmed: true }) { ... on Order { id number } ... on UserError { code message } } }`,
    {
      o: order.createDraft.id,
    },
  );
  if (!sent.submitOrder.number) throw new Error(`submit: ${JSON.stringify(sent.submitOrder)}`);
  const draft = await ok(v, `mutation { createDraft(name: "черновик A") { id } }`);
  const line = await ok(
    v,
    "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { ... on Order { lines { id } } } }",
    {
      i: { orderId: draft.createDraft.id, productId: product.id, quantity: 3 },
    },
  );
  const key = await ok(
    v,
    `mutation { createApiKey(input: { name: "ERP A", permissions: ["orders.send"] }) { ... on CreatedApiKey { apiKey { id } } } }`,
  );
  const hook = await ok(
    v,
    `mutation { createWebhookSubscription(input: { url: "https://erp-a.example.com/hook", topics: ["order.status_changed"], active: false }) { ... on CreatedWebhookSubscription { subscription { id } } } }`,
  );
  const viewer = await ok(v, "query { viewer { company { id name } counterparty { id name inn } } }");
  const users = await ok(v, "query { companyUsers { id email } }");
  const contract = stack.dataset.tenants
    .find((t) => t.definition.slug === A)
    ?.contracts.find((c) => c.companyId === viewer.viewer.company.id);
  fx = {
    tenantSlug: A,
    companyId: viewer.viewer.company.id,
    counterpartyId: viewer.viewer.counterparty.id,
    dealerEmail: "dealer@wasserkraft.demo",
    dealerMembershipId: users.companyUsers.find((u: { email: string }) => u.email === "dealer@wasserkraft.demo").id,
    productId: product.id,
    productArticle: product.article,
    draftId: draft.createDraft.id,
    draftLineId: line.addOrderLine.lines[0].id,
    orderId: sent.submitOrder.id,
    orderNumber: sent.submitOrder.number,
    apiKeyId: key.createApiKey.apiKey.id,
    webhookSubscriptionId: hook.createWebhookSubscription.subscription.id,
    contractId: contract?.id ?? null,
    contractNumber: contract?.number ?? null,
    attackerRefreshToken: other.refreshToken,
    attackerUserId: manager.userId,
  };
  const company = [fx.companyId, viewer.viewer.company.name, fx.counterpartyId, viewer.viewer.counterparty.inn];
  const own = [
    ...company,
    fx.dealerEmail,
    fx.dealerMembershipId,
    fx.draftId,
    fx.draftLineId,
    fx.orderId,
    fx.apiKeyId,
    "ERP A",
    fx.webhookSubscriptionId,
    "erp-a.example.com",
  ];
  if (contract) own.push(contract.id, contract.number);
  // Tenant-wide data (products, warehouses) is A's secret only towards another tenant.
  const { warehouses } = await ok(v, "query { warehouses { id } }");
  const tenantWide = [fx.productId, ...warehouses.map((w: { id: string }) => w.id)];
  secrets = {
    otherTenantDealer: [...own, ...tenantWide],
    otherTenantManager: [...own, ...tenantWide],
    sameTenantDealer: own,
  };
  before = await snapshot();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

const ATTACKERS: Attacker[] = ["otherTenantDealer", "sameTenantDealer", "otherTenantManager"];

function expectationsOf(c: AccessCase): [Attacker, Expectation][] {
  if (typeof c.expect === "string") return ATTACKERS.map((a) => [a, c.expect as Expectation]);
  return Object.entries(c.expect) as [Attacker, Expectation][];
}

const REFUSAL_CODES = new Set(["FORBIDDEN", "UNAUTHENTICATED", "NOT_FOUND", "BAD_USER_INPUT", "NOT_AVAILABLE"]);

/** Root fields marked @inaccessible: subgraphs' service-only entry points, not in the public API at all. */
const INACCESSIBLE = new Set(
  (parse(SUPERGRAPH).definitions as ObjectTypeDefinitionNode[])
    .filter(
      (d) =>
        (d.kind === "ObjectTypeDefinition" || d.kind === "ObjectTypeExtension") &&
        (d.name.value === "Mutation" || d.name.value === "Query"),
    )
    .flatMap((d) => d.fields ?? [])
    .filter((f) => f.directives?.some((x) => /inaccessible$/.test(x.name.value)))
    .map((f) => f.name.value),
);

/** Refused: an error with a refusal code, a typed error, null or false (or the field is not in the API). */
function refused(res: GraphQLResponse<Data>, field: string): boolean {
  if (INACCESSIBLE.has(field) && res.errors?.every((e) => e.extensions?.code === "GRAPHQL_VALIDATION_FAILED"))
    return true;
  if (res.errors?.length) return res.errors.every((e) => REFUSAL_CODES.has(String(e.extensions?.code)));
  const v = res.data?.[field];
  if (v === null || v === false) return true;
  return typeof v === "object" && typeof v.__typename === "string" && /Error$/.test(v.__typename);
}

describe("access matrix", () => {
  it("has a case for every root field of the supergraph", () => {
    const missing = rootFields().filter((f) => !Object.hasOwn(CASES, f));
    expect(
      missing,
      `root fields without a case in packages/devstack/test/access-cases.ts: ${missing.join(", ")}`,
    ).toEqual([]);
    const stale = Object.keys(CASES).filter((k) => !rootFields().includes(k));
    expect(stale, `cases for fields the supergraph no longer has: ${stale.join(", ")}`).toEqual([]);
  });

  it("every root field refuses, or answers without A's data, for tenant B and for another dealer of A", async () => {
    const failures: string[] = [];
    for (const [name, c] of Object.entries(CASES)) {
      const field = name.split(".")[1] ?? "";
      for (const [attacker, want] of expectationsOf(c)) {
        const vars = c.vars?.(fx) ?? {};
        const res = await gql(bearer[attacker], c.doc, vars);
        const body = JSON.stringify(res);
        // A refusal that names the id the caller sent itself ("нет товара …") tells it nothing new.
        const sent = want === "refused" ? JSON.stringify(vars) : "";
        const leaked = secrets[attacker].filter((s) => body.includes(s) && !sent.includes(s));
        if (leaked.length > 0) failures.push(`${name} as ${attacker}: leaks ${leaked.join(", ")}`);
        if (want === "refused" && !refused(res, field)) failures.push(`${name} as ${attacker}: not refused: ${body}`);
        if (want !== "refused" && res.errors?.length)
          failures.push(`${name} as ${attacker}: expected an answer (${want}), got ${JSON.stringify(res.errors)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("no attacker changed anything of A's", async () => {
    expect(await snapshot()).toEqual(before);
  });
});
