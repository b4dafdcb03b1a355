import { listen } from "@dpp/server";
import { demoTenantDefinitions } from "@dpp/tenant";
import {
  callSubgraph,
  createTestDatabase,
  dealerActor,
  postGraphQL,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from "@dpp/testkit";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type FinanceSeedTenant, migrations, seedFinance } from "../src/index.ts";

let db: TestDatabase;
let url: string;
let stop: () => Promise<void>;

// Closing documents only for shipped orders (wasserkraft-like) vs an invoice from the start (keaz-like).
const tenantA: FinanceSeedTenant["definition"] = {
  documentTypes: [
    { code: "invoice", label: "Счет", formats: ["pdf", "xlsx"], availableAt: ["shipped"] },
    { code: "torg12", label: "ТОРГ-12", formats: ["pdf", "xlsx"], availableAt: ["shipped"] },
    { code: "upd", label: "УПД", formats: ["pdf"], availableAt: ["shipped"] },
  ],
};
const tenantB: FinanceSeedTenant["definition"] = {
  documentTypes: [
    {
      code: "invoice",
      label: "Счет на оплату",
      formats: ["html", "xlsx", "pdf"],
      availableAt: ["invoiced", "production", "completed"],
    },
    { code: "waybill", label: "Товарная накладная", formats: ["pdf", "xlsx"], availableAt: ["completed"] },
  ],
};

beforeAll(async () => {
  db = await createTestDatabase([migrations]);
  const admin = await createServer({ databaseUrl: db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const seed = [
    { id: "ten_a", definition: tenantA },
    { id: "ten_b", definition: tenantB },
  ];
  await seedFinance(admin.db, seed);
  await seedFinance(admin.db, seed); // idempotent
  await seedFinance(
    admin.db,
    demoTenantDefinitions.map((d) => ({ id: `ten_demo_${d.slug}`, definition: d })),
  );
  await admin.stop();
  const server = await createServer({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const l = await listen(server.app, 0);
  url = `${l.url}/graphql`;
  stop = async () => {
    await l.close();
    await server.stop();
    await db.drop();
  };
});

afterAll(async () => {
  await stop?.();
});

const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id documents { type { code label formats } formats } } } }`;
type Entities = {
  _entities: { id: string; documents: { type: { code: string; label: string }; formats: string[] }[] }[];
};
const order = (id: string, statusCode: string) => ({ __typename: "Order", id, statusCode });

describe("finance subgraph", () => {
  it("gives an order the documents its tenant makes available at its status", async () => {
    const res = await callSubgraph<Entities>(url, TEST_INTERNAL_SECRET, dealerActor("ten_a", "cmp_1"), ENTITIES, {
      reps: [order("ord_1", "new"), order("ord_2", "shipped"), order("ord_3", "draft")],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities.map((e) => [e.id, e.documents.map((d) => d.type.code)])).toEqual([
      ["ord_1", []],
      ["ord_2", ["invoice", "torg12", "upd"]],
      ["ord_3", []],
    ]);
    expect(res.data?._entities[1]?.documents[2]).toEqual({
      type: { code: "upd", label: "УПД", formats: ["pdf"] },
      formats: ["pdf"],
    });
  });

  it("reads the caller's tenant's configuration, not another's", async () => {
    const res = await callSubgraph<Entities>(url, TEST_INTERNAL_SECRET, dealerActor("ten_b", "cmp_1"), ENTITIES, {
      reps: [order("ord_9", "invoiced"), order("ord_8", "shipped"), order("ord_7", "completed")],
    });
    expect(res.data?._entities.map((e) => e.documents.map((d) => d.type.label))).toEqual([
      ["Счет на оплату"],
      [],
      ["Счет на оплату", "Товарная накладная"],
    ]);
  });

  it("lists document types of the caller's tenant, in the definition's order", async () => {
    const q = "{ documentTypes { code label formats } }";
    const a = await callSubgraph<{ documentTypes: { code: string }[] }>(
      url,
      TEST_INTERNAL_SECRET,
      dealerActor("ten_a"),
      q,
    );
    expect(a.data?.documentTypes.map((t) => t.code)).toEqual(["invoice", "torg12", "upd"]);
    const b = await callSubgraph<{ documentTypes: unknown[] }>(url, TEST_INTERNAL_SECRET, dealerActor("ten_b"), q);
    expect(b.data?.documentTypes).toEqual([
      { code: "invoice", label: "Счет на оплату", formats: ["html", "xlsx", "pdf"] },
      { code: "waybill", label: "Товарная накладная", formats: ["pdf", "xlsx"] },
    ]);
    const none = await callSubgraph<{ documentTypes: unknown[] }>(url, TEST_INTERNAL_SECRET, dealerActor("ten_x"), q);
    expect(none.data?.documentTypes).toEqual([]);
  });

  it("seeds every demo tenant's document types", async () => {
    for (const d of demoTenantDefinitions) {
      const res = await callSubgraph<{ documentTypes: { code: string }[] }>(
        url,
        TEST_INTERNAL_SECRET,
        dealerActor(`ten_demo_${d.slug}`),
        "{ documentTypes { code } }",
      );
      expect(res.data?.documentTypes.map((t) => t.code)).toEqual(d.documentTypes.map((t) => t.code));
    }
  });

  it("refuses anonymous callers and requests without the gateway's proof", async () => {
    const anon = await callSubgraph(url, TEST_INTERNAL_SECRET, { kind: "anonymous" }, "{ documentTypes { code } }");
    expect(anon.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const anonEntities = await callSubgraph<Entities>(url, TEST_INTERNAL_SECRET, { kind: "anonymous" }, ENTITIES, {
      reps: [order("ord_2", "shipped")],
    });
    expect(anonEntities.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(anonEntities.data?._entities?.[0] ?? null).toBeNull();
    const bare = await postGraphQL(url, "{ documentTypes { code } }");
    expect(bare.status).toBe(401);
  });

  it("row-level security hides document types from the app role outside a tenant transaction", async () => {
    const sql = postgres(db.appUrl, { max: 1 });
    try {
      const [row] = await sql<{ count: number }[]>`select count(*)::int as count from finance.document_types`;
      expect(row?.count).toBe(0);
    } finally {
      await sql.end();
    }
  });
});
