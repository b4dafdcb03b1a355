import { demoTenant } from "@dpp/seed";
import ExcelJS from "exceljs";
import postgres from "postgres";
import { type Stats, stats } from "./src/measure.ts";
import { startBenchStack } from "./src/stack.ts";

/**
 * Order import end to end through the gateway, as the portal does it: an .xlsx of N lines
 * (header, article, quantity, a name column that is ignored) sent as base64, the preview with
 * its per-row report, then the commit that re-reads the file and saves every line in one
 * transaction. Goals (issue 5): 200 lines ≤ 300 ms, 10,000 lines ≤ 3 s, preview + commit each.
 * The keaz tenant gets 10,000 generated products so every line is a distinct real article.
 * Besides wall time, the platform's CPU time per call (gateway and subgraphs run in this process;
 * PostgreSQL's own CPU is not counted): on a shared, loaded machine it is the steadier figure.
 */
const PREVIEW = `query($i: OrderImportInput!) { orderImportPreview(input: $i) { __typename
  ... on OrderImportPreview { rows { line status quantity message } summary { positions pieces } }
  ... on OrderImportFileError { code message } } }`;
const COMMIT = `mutation($i: OrderImportInput!) { importOrderLines(input: $i) { __typename
  ... on OrderImportCommitted { report { summary { positions } } } ... on OrderImportFileError { code message } } }`;

export async function orderImport(opts: { smoke: boolean }) {
  const sizes = opts.smoke ? [200, 1_000] : [200, 10_000];
  const reps = opts.smoke ? 2 : 5;
  const stack = await startBenchStack();
  const admin = postgres(stack.adminUrl, { max: 2, onnotice: () => {} });
  try {
    const keaz = demoTenant(stack.dataset, "keaz");
    const dealer = stack.dataset.users.find((u) => u.email === "dealer@keaz.demo");
    if (!keaz || !dealer) throw new Error("keaz demo data missing");
    const max = Math.max(...sizes);
    await admin`
      insert into catalog.products (tenant_id, id, article, name, group_path, price_group, base_price)
      select ${keaz.id}, 'prd_imp_' || g, 'IMP-' || lpad(g::text, 6, '0'), 'Автоматический выключатель, модель ' || g,
        array['Импорт'], 'A', 10000 + g
      from generate_series(1, ${max}) g`;
    const gateway = stack.platform.gatewayGraphqlUrl;
    const login = await call(
      gateway,
      "",
      `mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }`,
      {
        i: { email: dealer.email, password: dealer.password, tenantSlug: "keaz" },
      },
    );
    const token = (login as { login: { accessToken: string } }).login.accessToken;

    const results: Record<string, Stats | number> = {};
    for (const n of sizes) {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet("Заказ");
      sheet.addRow(["Артикул", "Количество", "Наименование"]);
      for (let i = 1; i <= n; i++) sheet.addRow([`IMP-${String(i).padStart(6, "0")}`, 1 + (i % 9), `модель ${i}`]);
      const file = {
        filename: "order.xlsx",
        contentBase64: Buffer.from(await book.xlsx.writeBuffer()).toString("base64"),
      };
      results[`xlsx${n}Kb`] = Math.round(file.contentBase64.length / 1024);
      const preview: number[] = [];
      const commit: number[] = [];
      const previewCpu: number[] = [];
      const commitCpu: number[] = [];
      const cpuMs = (since: NodeJS.CpuUsage) => {
        const u = process.cpuUsage(since);
        return (u.user + u.system) / 1000;
      };
      for (let r = 0; r <= reps; r++) {
        const draft = (await call(gateway, token, "mutation { createDraft { id } }", {})) as {
          createDraft: { id: string };
        };
        const input = { orderId: draft.createDraft.id, file };
        let t = performance.now();
        let cpu = process.cpuUsage();
        const p = (await call(gateway, token, PREVIEW, { i: input })) as {
          orderImportPreview: { summary?: { positions: number } };
        };
        const pMs = performance.now() - t;
        const pCpu = cpuMs(cpu);
        if (p.orderImportPreview.summary?.positions !== n)
          throw new Error(`preview: ${JSON.stringify(p).slice(0, 300)}`);
        t = performance.now();
        cpu = process.cpuUsage();
        const c = (await call(gateway, token, COMMIT, { i: input })) as {
          importOrderLines: { report?: { summary: { positions: number } } };
        };
        const cMs = performance.now() - t;
        const cCpu = cpuMs(cpu);
        if (c.importOrderLines.report?.summary.positions !== n) throw new Error(`commit: ${JSON.stringify(c)}`);
        if (r === 0) continue; // warm-up
        preview.push(pMs);
        commit.push(cMs);
        previewCpu.push(pCpu);
        commitCpu.push(cCpu);
      }
      results[`preview${n}`] = stats(preview);
      results[`commit${n}`] = stats(commit);
      results[`previewCpu${n}`] = stats(previewCpu);
      results[`commitCpu${n}`] = stats(commitCpu);
    }
    return results;
  } finally {
    await admin.end();
    await stack.stop();
  }
}

async function call(url: string, token: string, query: string, variables: object): Promise<unknown> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`${res.status} ${JSON.stringify(body.errors)}`);
  return body.data;
}
