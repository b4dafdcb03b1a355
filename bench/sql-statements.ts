import { readFileSync } from "node:fs";
import { operationFromDocument, Supergraph } from "@apollo/federation-internals";
import { type PlanNode, QueryPlanner, type SubscriptionNode } from "@apollo/query-planner";
import { parse } from "graphql";
import postgres from "postgres";
import { startBenchStack } from "./src/stack.ts";

const SUPERGRAPH = new URL("../schema/supergraph.graphql", import.meta.url);
const PORTAL_OPERATIONS = new URL("../schema/operations/portal.json", import.meta.url);

/** Statements that only frame a tenant-scoped transaction (`withTenant`), not reads of data. */
const FRAMING = /^\s*(begin|commit|rollback|savepoint|release|select set_config)\b/i;

export interface StatementCount {
  /** Fetch steps in the gateway's query plan (one per subgraph call). */
  fetches: number;
  /** Every statement the services sent per request (PostgreSQL's own count, pg_stat_statements). */
  statements: number;
  /** The same without transaction framing (BEGIN, set_config of the tenant, COMMIT). */
  dataStatements: number;
}

/**
 * SQL statements per GraphQL request for the portal's main pages (goal: no more data statements
 * than fetch steps in the plan, i.e. no N+1 anywhere): counted by PostgreSQL itself
 * (pg_stat_statements, the services' role only), over repeated requests.
 */
export async function sqlStatements(opts: { smoke: boolean }) {
  const repeats = opts.smoke ? 3 : 20;
  const stack = await startBenchStack({
    pgSettings: { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "all" },
  });
  const admin = postgres(stack.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`create extension if not exists pg_stat_statements`;
    const dealer = stack.dataset.users.find((u) => u.email === "dealer@keaz.demo");
    if (!dealer) throw new Error("demo dealer missing");
    const gql = async (query: string, variables: object, token?: string) => {
      const res = await fetch(stack.platform.gatewayGraphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      if (body.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
      return body.data ?? {};
    };
    const login = (await gql(
      `mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } ... on AuthError { message } } }`,
      { i: { email: dealer.email, password: dealer.password, tenantSlug: "keaz" } },
    )) as { login: { accessToken?: string } };
    const token = login.login.accessToken;
    if (!token) throw new Error("bench login failed");

    const operations = JSON.parse(readFileSync(PORTAL_OPERATIONS, "utf8")).operations as Record<
      string,
      { name: string; body: string }
    >;
    const body = (name: string) => {
      const op = Object.values(operations).find((o) => o.name === name);
      if (!op) throw new Error(`portal operation ${name} missing`);
      return op.body;
    };
    // Ids the pages need, read once.
    const search = (await gql(body("PortalCatalogSearch"), { query: "выключатель" }, token)) as {
      catalogSearch: { nodes?: { id: string }[] };
    };
    const productId = search.catalogSearch.nodes?.[0]?.id;
    if (!productId) throw new Error("the demo dealer finds no products");
    // A draft with a few lines stands for the order page (drafts are orders).
    const draft = (await gql(body("PortalCreateDraft"), { name: "bench" }, token)) as { createDraft: { id: string } };
    const orderId = draft.createDraft.id;
    for (const node of search.catalogSearch.nodes?.slice(0, 5) ?? []) {
      await gql(body("PortalAddOrderLine"), { input: { orderId, productId: node.id, quantity: 1 } }, token);
    }

    const pages: [string, object][] = [
      ["PortalViewer", {}],
      ["PortalCatalogNavigation", {}],
      ["PortalCatalogSearch", { query: "выключатель" }],
      ["PortalProductCard", { id: productId }],
      ["PortalMyDiscounts", {}],
      ["PortalBrandOrders", {}],
      ["PortalOrderList", { filter: {} }],
      ["PortalOrder", { id: orderId }],
      ["PortalFinance", {}],
    ];
    const supergraph = Supergraph.build(readFileSync(SUPERGRAPH, "utf8"));
    const planner = new QueryPlanner(supergraph);
    const apiSchema = supergraph.apiSchema();
    const [role] = await admin<{ oid: number }[]>`select oid::int from pg_roles where rolname = 'dpp_app'`;
    const oid = role?.oid ?? -1;
    const counted = async () => {
      const rows = await admin<{ query: string; calls: string }[]>`
        select query, calls::text from pg_stat_statements where userid = ${oid}`;
      let all = 0;
      let data = 0;
      for (const r of rows) {
        all += Number(r.calls);
        if (!FRAMING.test(r.query)) data += Number(r.calls);
      }
      return { all, data };
    };
    const results: Record<string, StatementCount> = {};
    for (const [name, variables] of pages) {
      const text = body(name);
      const plan = planner.buildQueryPlan(operationFromDocument(apiSchema, parse(text), { operationName: name }));
      await gql(text, variables, token); // warm caches (DataLoaders are per request; plans are not)
      await admin`select pg_stat_statements_reset()`;
      for (let i = 0; i < repeats; i++) await gql(text, variables, token);
      const { all, data } = await counted();
      results[name] = {
        fetches: countFetches(plan.node),
        statements: Math.round((all / repeats) * 10) / 10,
        dataStatements: Math.round((data / repeats) * 10) / 10,
      };
    }
    return results;
  } finally {
    await admin.end();
    await stack.stop();
  }
}

function countFetches(node: PlanNode | SubscriptionNode | undefined): number {
  if (!node) return 0;
  switch (node.kind) {
    case "Fetch":
      return 1;
    case "Sequence":
    case "Parallel":
      return node.nodes.reduce((n, child) => n + countFetches(child), 0);
    case "Flatten":
      return countFetches(node.node);
    case "Condition":
      return countFetches(node.ifClause) + countFetches(node.elseClause);
    default:
      return 0;
  }
}
