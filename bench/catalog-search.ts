import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { createServer as createCatalog } from "@dpp/catalog";
import { planSearch, searchProducts } from "@dpp/catalog/search";
import * as gateway from "@dpp/gateway";
import { listen } from "@dpp/server";
import postgres from "postgres";
import { type Stats, stats } from "./src/measure.ts";
import { BENCH_SECRET, startBenchStack } from "./src/stack.ts";

/**
 * Catalog at scale: 1,000,000 generated SKUs over the five tenants (20,000 with --smoke), in the
 * bench's own throw-away database; ranked search through a real gateway with 50 concurrent
 * clients (article, article prefix, several articles, Russian words, a typo); and pricing
 * 1,000 lines for one dealer in one call. The gateway's rate limit is off: it would cap the load.
 */
const WORDS = [
  ["Смеситель", "для кухни", "для ванны", "для раковины", "термостатический"],
  ["Выключатель", "автоматический", "дифференциальный", "нагрузки", "модульный"],
  ["Фильтр", "масляный", "воздушный", "салонный", "топливный"],
  ["Колодки", "тормозные передние", "тормозные задние", "дисковые", "барабанные"],
  ["Камера", "купольная", "цилиндрическая", "поворотная", "уличная"],
  ["Средство", "для мытья посуды", "чистящее", "для стекол", "для пола"],
  ["Контактор", "малогабаритный", "реверсивный", "вакуумный", "модульный"],
  ["Держатель", "для полотенец", "туалетной бумаги", "для фена", "настенный"],
];

/**
 * Word queries: a product word with the last word of one of its qualifiers, 32 different ones, so
 * that the gateway's in-flight deduplication (identical queries of one caller share an execution)
 * serves few of them: with 4 different queries it answered many word searches from another's work.
 */
const WORD_QUERIES = WORDS.flatMap(([head, ...rest]) =>
  rest.map((q) => `${(head ?? "").toLowerCase()} ${q.split(" ").at(-1)}`),
);

export async function catalogSearch(opts: { smoke: boolean }) {
  const total = opts.smoke ? 20_000 : 1_000_000;
  const requests = Number(process.env.CATALOG_BENCH_REQUESTS) || (opts.smoke ? 400 : 2_000);
  const stack = await startBenchStack();
  const admin = postgres(stack.adminUrl, { max: 5, onnotice: () => {} });
  try {
    const tenants = stack.dataset.tenants.map((t) => t.id);
    const perTenant = Math.floor(total / tenants.length);
    const genStart = performance.now();
    await Promise.all(
      tenants.map(
        (tenantId) => admin`
        insert into catalog.products (tenant_id, id, article, name, brand, series, group_path, price_group, base_price, ean13)
        select ${tenantId}, 'prd_gen_' || g, 'G' || lpad(g::text, 7, '0'),
          (${WORDS.map((w) => w[0] ?? "")}::text[])[1 + g % ${WORDS.length}] || ' ' ||
          (${WORDS.flatMap((w) => w.slice(1))}::text[])[1 + (g % ${WORDS.length}) * 4 + (g / ${WORDS.length}) % 4] || ' модель ' || g,
          'Бренд ' || (g % 40), 'Серия ' || (g % 300), array['Группа ' || (g % 12), 'Подгруппа ' || (g % 120)],
          'A', 10000 + (g % 50000) * 10, null
        from generate_series(1, ${perTenant}) g`,
      ),
    );
    await admin`vacuum analyze catalog.products`;
    const generateSeconds = Math.round((performance.now() - genStart) / 100) / 10;

    const gw = await gateway.createServer({
      supergraphSdl: readFileSync(new URL("../schema/supergraph.graphql", import.meta.url), "utf8"),
      subgraphUrls: Object.fromEntries(
        ["identity", "catalog", "inventory", "orders", "finance"].map((n) => [
          n,
          `${stack.platform.urls[n as keyof typeof stack.platform.urls]}/graphql`,
        ]),
      ),
      jwksUrl: `${stack.platform.urls.identity}/.well-known/jwks.json`,
      issuer: "dpp-identity",
      internalTokenSecret: BENCH_SECRET,
      maskErrors: true,
      rateLimits: false,
    });
    const g = await listen(gw.app, 0, "127.0.0.1");
    const url = `${g.url}/graphql`;
    try {
      const dealer = stack.dataset.users.find((u) => u.email === "dealer@keaz.demo");
      if (!dealer) throw new Error("demo dealer missing");
      const login = await post(url, {
        query: `mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }`,
        variables: { i: { email: dealer.email, password: dealer.password, tenantSlug: "keaz" } },
      });
      const token = (login.data as { login: { accessToken?: string } }).login.accessToken;
      if (!token) throw new Error(`login failed: ${JSON.stringify(login)}`);
      const auth = { authorization: `Bearer ${token}` };

      const art = (i: number) => `G${String(1 + (i % perTenant)).padStart(7, "0")}`;
      type Kind = [string, (i: number) => string];
      const kinds: [Kind, ...Kind[]] = [
        ["article", (i) => art(i * 7919)],
        ["prefix", (i) => art(i * 104729).slice(0, 6)],
        ["severalArticles", (i) => `${art(i * 31)} ${art(i * 37 + 5)} ${art(i * 41 + 9)}`],
        ["words", (i) => WORD_QUERIES[Math.floor(i / 4) % WORD_QUERIES.length] ?? ""],
      ];
      // Typos (only searched when nothing else matched) are measured on their own, one at a time.
      const typo = (i: number) => ["смеситль кухни", "выключатль", "контактр"][i % 3] ?? "";
      const SEARCH = `query($q: String!) { catalogSearch(query: $q, first: 20) { __typename ... on ProductConnection { nodes { id article name price { yours { amount } } } } } }`;
      const perKind = new Map<string, number[]>(kinds.map(([k]) => [k, []]));
      const all: number[] = [];
      let next = 0;
      const lane = async () => {
        for (;;) {
          const i = next++;
          if (i >= requests) return;
          const [kind, make] = kinds[i % kinds.length] ?? kinds[0];
          const t = performance.now();
          const r = await post(url, { query: SEARCH, variables: { q: make(i) } }, auth);
          const ms = performance.now() - t;
          if (r.errors) throw new Error(`search failed: ${JSON.stringify(r.errors)}`);
          all.push(ms);
          perKind.get(kind)?.push(ms);
        }
      };
      // The database side alone: the same queries straight through the catalog's search query,
      // as the services' role (row-level security on, like in production).
      const catalog = await createCatalog({ databaseUrl: stack.appUrl, internalTokenSecret: BENCH_SECRET });
      const sqlTimes: number[] = [];
      let sqlNext = 0;
      const sqlLane = async () => {
        for (;;) {
          const i = sqlNext++;
          if (i >= requests) return;
          const [, make] = kinds[i % kinds.length] ?? kinds[0];
          const t = performance.now();
          await searchProducts(catalog.db, "ten_keaz", {
            plan: planSearch(make(i), 6),
            filter: {},
            first: 20,
            after: null,
            navigation: "group",
          });
          sqlTimes.push(performance.now() - t);
        }
      };
      await Promise.all(Array.from({ length: 50 }, sqlLane));
      // And one query at a time, per kind: the latency of the SQL itself.
      const sqlSequential: Record<string, Stats> = {};
      for (const [kind, make] of [...kinds, ["typo", typo] as Kind]) {
        const samples: number[] = [];
        for (let i = 0; i < 30; i++) {
          const t = performance.now();
          await searchProducts(catalog.db, "ten_keaz", {
            plan: planSearch(make(i + 1000), 6),
            filter: {},
            first: 20,
            after: null,
            navigation: "group",
          });
          samples.push(performance.now() - t);
        }
        sqlSequential[kind] = stats(samples);
      }
      await catalog.stop();

      for (let i = 0; i < 50; i++) await post(url, { query: SEARCH, variables: { q: "смеситель" } }, auth);
      // One client: the latency of a search through the gateway without queueing behind others.
      const oneClient: number[] = [];
      for (let i = 0; i < (opts.smoke ? 40 : 200); i++) {
        const [, make] = kinds[i % kinds.length] ?? kinds[0];
        const t = performance.now();
        const r = await post(url, { query: SEARCH, variables: { q: make(i + 7) } }, auth);
        if (r.errors) throw new Error(`search failed: ${JSON.stringify(r.errors)}`);
        oneClient.push(performance.now() - t);
      }
      // CPU spent per search, by this process (load generator, gateway, subgraphs) and by PostgreSQL:
      // unlike latency, it barely moves when other work shares the machine.
      const cpuStart = { node: process.cpuUsage(), pg: await postgresCpuMs(admin) };
      const loadStart = performance.now();
      await Promise.all(Array.from({ length: 50 }, lane));
      const rps = Math.round((requests / ((performance.now() - loadStart) / 1000)) * 10) / 10;
      const nodeCpu = process.cpuUsage(cpuStart.node);
      const perRequest = (ms: number) => Math.round((ms / requests) * 100) / 100;
      const cpuPerSearch = {
        nodeMs: perRequest((nodeCpu.user + nodeCpu.system) / 1000),
        postgresMs: perRequest((await postgresCpuMs(admin)) - cpuStart.pg),
      };

      const typoTimes: number[] = [];
      for (let i = 0; i < (opts.smoke ? 6 : 15); i++) {
        const t = performance.now();
        const r = await post(url, { query: SEARCH, variables: { q: typo(i) } }, auth);
        if (r.errors) throw new Error(`search failed: ${JSON.stringify(r.errors)}`);
        typoTimes.push(performance.now() - t);
      }

      // Pricing 1,000 lines for one dealer: one productsByArticles call through the gateway.
      const keazArticles = stack.dataset.tenants.find((t) => t.id === "ten_keaz")?.products.map((p) => p.article) ?? [];
      const lines = Array.from({ length: 1000 }, (_, i) => (i < keazArticles.length ? keazArticles[i] : art(i * 13)));
      const PRICE = `query($a: [String!]!) { productsByArticles(articles: $a) { article price { yours { amount } vat { amount } discountPercent } } }`;
      const pricing: number[] = [];
      for (let i = 0; i < (opts.smoke ? 5 : 30); i++) {
        const t = performance.now();
        const r = await post(url, { query: PRICE, variables: { a: lines } }, auth);
        if (r.errors) throw new Error(`pricing failed: ${JSON.stringify(r.errors)}`);
        if (i > 0) pricing.push(performance.now() - t);
      }

      const out: Record<string, Stats | number> = {
        skus: perTenant * tenants.length + stack.dataset.tenants.reduce((n, t) => n + t.products.length, 0),
        generateSeconds,
        searchRps50Clients: rps,
        searchCpuMsNode50Clients: cpuPerSearch.nodeMs,
        searchCpuMsPostgres50Clients: cpuPerSearch.postgresMs,
        search50Clients: stats(all),
        searchOneClient: stats(oneClient),
        searchSqlOnly50Clients: stats(sqlTimes),
      };
      for (const [k, v] of perKind) out[`search50Clients_${k}`] = stats(v);
      out.searchTypoSequential = stats(typoTimes);
      for (const [k, v] of Object.entries(sqlSequential)) out[`searchSqlSequential_${k}`] = v;
      out.pricing1000Lines = stats(pricing);
      return out;
    } finally {
      await g.close();
      await gw.stop();
    }
  } finally {
    await admin.end();
    await stack.stop();
  }
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { data?: unknown; errors?: unknown[] };
}

/**
 * CPU time (ms) used so far by the bench's PostgreSQL: the postmaster, its live children and the
 * children it has reaped (Linux /proc; NaN elsewhere).
 */
async function postgresCpuMs(admin: postgres.Sql): Promise<number> {
  try {
    const [row] = await admin<{ dir: string }[]>`select setting as dir from pg_settings where name = 'data_directory'`;
    const postmaster = readFileSync(`${row?.dir}/postmaster.pid`, "utf8").split("\n")[0]?.trim();
    const ticks = (pid: string, withChildren: boolean) => {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      const at = (i: number) => Number(fields[i - 3] ?? 0); // fields after "pid (comm)" start at 3
      return at(14) + at(15) + (withChildren ? at(16) + at(17) : 0);
    };
    let total = ticks(String(postmaster), true);
    for (const task of await readdir(`/proc/${postmaster}/task`)) {
      const children = readFileSync(`/proc/${postmaster}/task/${task}/children`, "utf8").trim();
      for (const pid of children ? children.split(" ") : []) {
        try {
          total += ticks(pid, false);
        } catch {
          // exited meanwhile: counted in the postmaster's children time once reaped
        }
      }
    }
    return (total * 1000) / 100; // USER_HZ = 100 on Linux
  } catch {
    return Number.NaN;
  }
}
