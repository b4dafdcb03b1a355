import { startTestSmtpServer, type TestSmtpServer } from "@dpp/mail/testing";
import { demoTenant } from "@dpp/seed";
import { callSubgraph, dealerActor, postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import ExcelJS from "exceljs";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";

/**
 * The daily nomenclature e-mail (keaz) end to end: a dealer with the right subscribes through the
 * gateway; the worker's `nomenclature_mail` job (queued here as its daily schedule would) mails a
 * real SMTP server the catalog with the dealer's prices as XLSX, read back with exceljs; a second
 * run the same day mails nobody.
 */
let stack: Stack;
let smtp: TestSmtpServer;
let admin: postgres.Sql;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({ smtpUrl: smtp.url });
  admin = postgres(stack.db.adminUrl, { max: 1, onnotice: () => {} });
}, 120_000);
afterAll(async () => {
  await admin?.end();
  await stack?.stop();
  await smtp?.close();
});

async function login(email: string, slug: string): Promise<string> {
  const u = stack.dataset.users.find((x) => x.email === email);
  const res = await postGraphQL<{ login: { accessToken?: string } }>(
    stack.gatewayUrl,
    "mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } ... on AuthError { code } } }",
    { i: { email, password: u?.password, tenantSlug: slug } },
  );
  const token = res.data?.login.accessToken;
  if (!token) throw new Error(`login ${email}: ${JSON.stringify(res)}`);
  return token;
}
async function ok<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await postGraphQL<T>(stack.gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

/** Queues the job as graphile-worker's cron would and waits until the worker has run it. */
async function runDailyJob() {
  await admin`select graphile_worker.add_job('nomenclature_mail')`;
  for (let i = 0; i < 300; i++) {
    const [row] = await admin<{ n: number; failed: number }[]>`
      select count(*)::int as n, count(*) filter (where last_error is not null)::int as failed
      from graphile_worker.jobs where task_identifier = 'nomenclature_mail'`;
    if (row?.failed) throw new Error("nomenclature_mail failed");
    if (row?.n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("nomenclature_mail did not run");
}

it("a subscribed dealer gets the catalog with their prices as XLSX once a day", async () => {
  const t = demoTenant(stack.dataset, "keaz");
  const slug = t.definition.slug;
  const email = `dealer@${slug}.demo`;
  const dealer = await login(email, slug);
  const SUB = "query { nomenclatureSubscription }";
  expect(await ok(dealer, SUB)).toEqual({ nomenclatureSubscription: false });
  expect(await ok(dealer, "mutation { setNomenclatureSubscription(subscribed: true) }")).toEqual({
    setNomenclatureSubscription: true,
  });
  expect(await ok(dealer, SUB)).toEqual({ nomenclatureSubscription: true });
  const noRight = await callSubgraph(
    `${stack.urls.catalog}/graphql`,
    stack.internalTokenSecret,
    dealerActor(t.id, "cmp_without_right"),
    "mutation { setNomenclatureSubscription(subscribed: true) }",
  );
  expect(noRight.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

  await runDailyJob();
  const mails = smtp.messages.filter((m) => m.envelope.to.includes(email));
  expect(mails).toHaveLength(1);
  const mail = mails[0];
  expect(mail?.subject).toMatch(new RegExp(`^Номенклатурный файл ${t.definition.name} на \\d{2}\\.\\d{2}\\.\\d{4}$`));
  expect(mail?.attachments.map((a) => a.filename)).toEqual(["nomenclature.xlsx"]);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(mail?.attachments[0]?.content as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet("Номенклатура");
  expect(sheet?.getRow(1).getCell(1).value).toBe("Артикул");
  expect((sheet?.rowCount ?? 0) - 1).toBe(t.products.length);
  // The dealer's own price of a discounted product, as the catalog shows it to them.
  const rows = new Map<string, number>();
  sheet?.eachRow((row, n) => {
    if (n > 1) rows.set(String(row.getCell(1).value), Number(row.getCell(10).value));
  });
  const { products } = await ok<{ products: { nodes: { article: string; price: { yours: { amount: number } } }[] } }>(
    dealer,
    "query { products(first: 20) { nodes { article price { yours { amount } } } } }",
  );
  for (const p of products.nodes) expect(rows.get(p.article)).toBe(p.price.yours.amount / 100);

  // The same day again: nobody is mailed twice; an unsubscribed dealer is not mailed at all.
  await runDailyJob();
  expect(smtp.messages.filter((m) => m.envelope.to.includes(email))).toHaveLength(1);
  expect(await ok(dealer, "mutation { setNomenclatureSubscription(subscribed: false) }")).toEqual({
    setNomenclatureSubscription: false,
  });
  expect(await ok(dealer, SUB)).toEqual({ nomenclatureSubscription: false });
});
