import { createTestDatabase, TEST_APP_ROLE, type TestDatabase } from "@dpp/testkit";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations } from "../src/index.ts";

/**
 * The search candidate functions (migration 0004) run as their owner, past row-level security:
 * they must return only the transaction's tenant, and nothing when no tenant is set. And they must
 * actually use the indexes, which is why they exist (decision 0011).
 */
let db: TestDatabase;
let app: postgres.Sql;
let admin: postgres.Sql;
const A = "ten_a";
const B = "ten_b";
const ROWS = 20_000;

beforeAll(async () => {
  db = await createTestDatabase([migrations]);
  admin = postgres(db.adminUrl, { max: 1, onnotice: () => {} });
  app = postgres(db.appUrl, { max: 1, onnotice: () => {} });
  // The same names and articles in both tenants: only the tenant tells them apart.
  for (const t of [A, B]) {
    await admin`
      insert into catalog.products (tenant_id, id, article, name, base_price)
      select ${t}, ${t} || '_' || g, 'G' || lpad(g::text, 6, '0'),
        (array['Смеситель для кухни', 'Фильтр масляный', 'Камера уличная', 'Клемма винтовая'])[1 + g % 4] || ' модель ' || g,
        1000
      from generate_series(1, ${ROWS}) g`;
  }
  await admin`insert into catalog.products (tenant_id, id, article, name, base_price)
    values (${A}, 'a_wild', 'A_1%', 'Переходник', 1000), (${A}, 'a_plain', 'AB1x', 'Переходник', 1000)`;
  for (const t of [A, B]) {
    await admin`insert into catalog.products (tenant_id, id, article, name, base_price)
      select ${t}, ${t} || '_t' || g, 'T' || g, 'Терморегулятор накладной ' || g, 1000 from generate_series(1, 5) g`;
  }
  await admin`analyze catalog.products`;
  await admin`analyze catalog.search_words`;
});

afterAll(async () => {
  await app?.end();
  await admin?.end();
  await db?.drop();
});

type Call = (tx: postgres.TransactionSql) => Promise<{ id: string }[]>;
const calls: Record<string, Call> = {
  words: (tx) =>
    tx`select id from catalog.search_word_candidates(to_tsquery('russian', 'смесители:* & кухни:*'), 1000)`,
  prefix: (tx) => tx`select id from catalog.search_article_prefix('G0001', null, 1000)`,
  similar: (tx) => tx`select id from catalog.search_similar_candidates('терморегулятр', 1000)`,
  similarWords: (tx) => tx`select id from catalog.search_similar_candidates('смеситль кухни', 1000)`,
};

async function asApp(tenant: string | null, call: Call) {
  return app.begin(async (tx) => {
    if (tenant) await tx`select set_config('app.tenant_id', ${tenant}, true)`;
    return (await call(tx)).map((r) => r.id);
  });
}

describe("search candidate functions", () => {
  it.each(Object.keys(calls))("%s: only the transaction's tenant, nothing without one", async (name) => {
    const call = calls[name] as Call;
    const a = await asApp(A, call);
    const b = await asApp(B, call);
    expect(a.length).toBeGreaterThan(0);
    expect(a.every((id) => id.startsWith(`${A}_`))).toBe(true);
    expect(b.length).toBe(a.length);
    expect(b.every((id) => id.startsWith(`${B}_`))).toBe(true);
    expect(await asApp(null, call)).toEqual([]);
  });

  it("matches an article prefix literally and pages in byte order after a given article", async () => {
    const prefix =
      (p: string, after: string | null, n: number): Call =>
      (tx) =>
        tx`select id from catalog.search_article_prefix(${p}, ${after}::text, ${n})`;
    expect(await asApp(A, prefix("A_", null, 10))).toEqual(["a_wild"]);
    expect(await asApp(A, prefix("A%", null, 10))).toEqual([]);
    expect(await asApp(A, prefix("G00001", null, 3))).toEqual([`${A}_10`, `${A}_11`, `${A}_12`]);
    expect(await asApp(A, prefix("G00001", "G000011", 2))).toEqual([`${A}_12`, `${A}_13`]);
  });

  it("keeps each tenant's word list: words only another tenant has find nothing", async () => {
    // Written as the services' role in tenant B's transaction, like an import: the trigger adds the words.
    await app.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${B}, true)`;
      await tx`insert into catalog.products (tenant_id, id, article, name, base_price)
        values (${B}, ${`${B}_hydro`}, 'H1', 'Гидрострелка компактная', 1000)`;
    });
    const words: Call = (tx) =>
      tx`select id from catalog.search_word_candidates(to_tsquery('russian', 'гидрострел:*'), 1000)`;
    const typo: Call = (tx) => tx`select id from catalog.search_similar_candidates('гидрострелкя', 1000)`;
    expect(await asApp(B, words)).toEqual([`${B}_hydro`]);
    expect(await asApp(B, typo)).toEqual([`${B}_hydro`]);
    expect(await asApp(A, words)).toEqual([]);
    expect(await asApp(A, typo)).toEqual([]);
    // The word list itself is under row-level security: tenant A's transaction cannot read B's words,
    // even through the prefix helper that takes a tenant argument.
    const direct: Call = (tx) =>
      tx`select word as id from catalog.search_words where tenant_id = ${B} and word like 'гидро%'
         union all select unnest(catalog.search_words_with_prefix(${B}, 'гидро', 10))`;
    expect(await asApp(A, direct)).toEqual([]);
    expect(await asApp(B, direct)).toEqual(["гидрострелк", "гидрострелк"]);
  });

  it("adds the words of renamed products, and corrects every word of a query with typos", async () => {
    await app.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${A}, true)`;
      await tx`update catalog.products set name = 'Кронштейн поворотный' where tenant_id = ${A} and id = 'a_plain'`;
    });
    expect(
      await asApp(A, (tx) => tx`select id from catalog.search_word_candidates(to_tsquery('russian', 'кронш:*'), 10)`),
    ).toEqual(["a_plain"]);
    // «смеситль кухни»: both words corrected; 5,000 kitchen mixers match, ranked among at most 1,000.
    expect(await asApp(A, calls.similarWords as Call)).toHaveLength(1000);
    expect(
      await asApp(A, (tx) => tx`select id from catalog.search_similar_candidates('смеситль полотенец', 10)`),
    ).toEqual([]);
  });

  it("is not executable by roles it was not granted to", async () => {
    const [row] =
      await admin`select has_function_privilege('public', 'catalog.search_word_candidates(tsquery, integer)', 'execute') as pub,
      has_function_privilege(${TEST_APP_ROLE.user}, 'catalog.search_word_candidates(tsquery, integer)', 'execute') as app`;
    expect(row).toEqual({ pub: false, app: true });
  });

  it("uses the full-text, trigram and article indexes when the services' role calls them", async () => {
    // auto_explain reports the plans of the statements inside the functions as notices.
    const notices: string[] = [];
    const probe = postgres(db.adminUrl, { max: 1, onnotice: (n) => notices.push(String(n.message)) });
    try {
      await probe.unsafe(`LOAD 'auto_explain'`);
      await probe.begin(async (tx) => {
        await tx.unsafe(`SET LOCAL auto_explain.log_min_duration = 0`);
        await tx.unsafe(`SET LOCAL auto_explain.log_nested_statements = on`);
        await tx.unsafe(`SET LOCAL auto_explain.log_level = notice`);
        // The question is whether the indexes are usable at all under the app role (row-level
        // security made them unusable before); with this small table the planner's cost choice
        // between index and sequential scan is not the point, so sequential scans are priced out.
        await tx.unsafe(`SET LOCAL enable_seqscan = off`);
        await tx.unsafe(`SET LOCAL ROLE ${TEST_APP_ROLE.user}`);
        await tx`select set_config('app.tenant_id', ${A}, true)`;
        for (const call of Object.values(calls)) await call(tx);
      });
    } finally {
      await probe.end();
    }
    const plans = notices.join("\n");
    expect(plans).toMatch(/Index Scan on products_tenant_lexemes_idx/);
    expect(plans).toMatch(/Index Scan on search_words_trgm_idx/);
    expect(plans).toMatch(/Index Only Scan using search_words_tenant_id_word_pk/);
    expect(plans).toMatch(/Index Scan using products_article_c_idx/);
    expect(plans).not.toMatch(/Seq Scan on products/);
  });
});
