import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoTenant } from "@dpp/seed";
import { postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import ExcelJS from "exceljs";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Finance through the real gateway, subgraphs and worker: the seeded contracts and settlements,
 * the invoice the worker issues on submission, documents rendered from the order's data and
 * downloaded by signed link, the act with keaz's once-a-day limit, ERP operations, the credit
 * guard and wasserkraft's bonus points.
 */
let stack: Stack;
const dir = mkdtempSync(path.join(tmpdir(), "fin-"));

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { ... on Session { accessToken } ... on AuthError { code } } }`;
async function login(email: string, tenantSlug: string): Promise<string> {
  const u = stack.dataset.users.find((x) => x.email === email);
  const res = await postGraphQL<{ login: { accessToken?: string } }>(stack.gatewayUrl, LOGIN, {
    input: { email, password: u?.password, tenantSlug },
  });
  const token = res.data?.login.accessToken;
  if (!token) throw new Error(`login ${email}: ${JSON.stringify(res)}`);
  return token;
}
const gql = async <T>(token: string, query: string, variables: Record<string, unknown> = {}) => {
  const res = await postGraphQL<T>(stack.gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
};

function pdfText(base64: string): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, Buffer.from(base64, "base64"));
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

async function submitOrder(
  token: string,
  slug: string,
): Promise<{ id: string; number: string; amount: number; statusCode: string }> {
  const tenant = stack.dataset.tenants.find((t) => t.definition.slug === slug);
  const p = tenant?.products.find((x) => x.basePrice > 200000) ?? tenant?.products[0];
  if (!p) throw new Error("no product");
  const draft = await gql<{ createDraft: { id: string } }>(token, "mutation { createDraft { id } }");
  const qty = Math.max(p.minQuantity, p.packMultiple) * 2;
  await gql(token, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
    i: { orderId: draft.createDraft.id, article: p.article, quantity: qty },
  });
  const sub = await gql<{
    submitOrder: { id: string; number: string; statusCode: string; totals: { amount: { amount: number } } };
  }>(
    token,
    'mutation($id: ID!) { submitOrder(orderId: $id, checkout: { confirmed: true, deliveryAddress: "Курск, Ленина, 1" }) { ... on Order { id number statusCode totals { amount { amount } } } } }',
    { id: draft.createDraft.id },
  );
  const { id, number, statusCode, totals } = sub.submitOrder;
  return { id, number, statusCode, amount: totals.amount.amount };
}

const FINANCE = `{ finance { balance { amount } overdueDebt { amount }
  contracts { number paymentTerms deferralDays creditLimit { amount } balance { amount } overdueDebt { amount } operations { kind } balanceHistory { date balance { amount } } }
  invoices { number orderId amount { amount } vat { amount } dueOn paymentStatus }
  actRequest { allowedNow nextAllowedAt intervalHours } } }`;
type Finance = {
  finance: {
    balance: { amount: number };
    overdueDebt: { amount: number };
    contracts: {
      number: string;
      paymentTerms: string;
      balance: { amount: number };
      overdueDebt: { amount: number };
      operations: unknown[];
      balanceHistory: unknown[];
    }[];
    invoices: {
      number: string;
      orderId: string;
      amount: { amount: number };
      vat: { amount: number };
      paymentStatus: string;
    }[];
    actRequest: { allowedNow: boolean; intervalHours: number | null };
  };
};

/** The statuses a manager moves an order through, from `from` to `to`, following the tenant's workflow. */
function managerPath(slug: string, from: string, to: string): string[] {
  const tenant = stack.dataset.tenants.find((t) => t.definition.slug === slug);
  const transitions = tenant?.definition.workflow.transitions.filter((t) => t.by.includes("manager")) ?? [];
  const prev = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0 && !prev.has(to)) {
    const at = queue.shift() as string;
    for (const t of transitions)
      if (t.from === at && !prev.has(t.to)) {
        prev.set(t.to, at);
        queue.push(t.to);
      }
  }
  if (!prev.has(to)) throw new Error(`${slug}: no manager path ${from} → ${to}`);
  const path = [to];
  while (path[0] !== from) path.unshift(prev.get(path[0] as string) as string);
  return path.slice(1);
}

async function fire(token: string, orderId: string, to: string): Promise<void> {
  const r = await gql<{ fireOrderTransition: { statusCode?: string; message?: string } }>(
    token,
    "mutation($o: ID!, $to: String!) { fireOrderTransition(orderId: $o, to: $to) { ... on Order { statusCode } ... on OrderError { message } } }",
    { o: orderId, to },
  );
  if (r.fireOrderTransition.statusCode !== to) throw new Error(`→ ${to}: ${JSON.stringify(r.fireOrderTransition)}`);
}

/** Waits until the worker has handled every orders event of the order (its outbox rows are processed). */
async function settle(orderId: string): Promise<void> {
  const admin = postgres(stack.db.adminUrl, { max: 1 });
  try {
    await until(async () => {
      const rows =
        await admin`select 1 from orders.outbox where payload->>'orderId' = ${orderId} and processed_at is null`;
      return rows.length === 0 ? true : undefined;
    });
  } finally {
    await admin.end();
  }
}

async function until<T>(fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("finance through the gateway", () => {
  let keaz: string;
  let order: { id: string; number: string; amount: number };

  it("shows the seeded contract: deferral, credit limit, the October shipment unpaid and overdue", async () => {
    keaz = await login("dealer@keaz.demo", "keaz");
    const f = (await gql<Finance>(keaz, FINANCE)).finance;
    expect(f.contracts).toHaveLength(1);
    const c = f.contracts[0];
    expect(c).toMatchObject({
      paymentTerms: "DEFERRAL",
      balance: { amount: 13_276_040 },
      overdueDebt: { amount: 13_276_040 },
    });
    expect(c?.operations).toHaveLength(9);
    expect(c?.balanceHistory.length).toBeGreaterThan(5);
    expect(f.balance.amount).toBe(13_276_040);
    expect(f.actRequest).toMatchObject({ allowedNow: true, intervalHours: 24 });
  });

  it("the credit guard refuses keaz's dealer while the debt is overdue", async () => {
    const companyId = "cmp_keaz_1";
    const r = await gql<{ creditStatus: Record<string, unknown> }>(
      keaz,
      "query($c: ID!) { creditStatus(companyId: $c, amount: 100) { allowed reason message available { amount } } }",
      { c: companyId },
    );
    expect(r.creditStatus).toMatchObject({ allowed: false, reason: "OVERDUE_DEBT" });
    const other = await postGraphQL(
      stack.gatewayUrl,
      'query { creditStatus(companyId: "cmp_spectr_1") { allowed } }',
      {},
      { authorization: `Bearer ${keaz}` },
    );
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("the worker issues an invoice on submission, due by the contract's deferral", async () => {
    order = await submitOrder(keaz, "keaz");
    const inv = await until(async () => {
      const f = (await gql<Finance>(keaz, FINANCE)).finance;
      return f.invoices.find((i) => i.orderId === order.id);
    });
    expect(inv).toMatchObject({ number: order.number, amount: { amount: order.amount }, paymentStatus: "UNPAID" });
    expect(inv.vat.amount).toBe(Math.round((order.amount * 2000) / 12000));
  });

  it("offers the order's documents with signed links and renders the invoice from the order's data", async () => {
    const q = `query($id: ID!) { order(id: $id) { statusCode documents { type { code } formats links { format token } } } }`;
    const o = await gql<{
      order: { documents: { type: { code: string }; links: { format: string; token: string }[] }[] };
    }>(keaz, q, { id: order.id });
    expect(o.order.documents.map((d) => d.type.code)).toEqual(["invoice", "commercial_proposal"]);
    const links = o.order.documents[0]?.links ?? [];
    expect(links.map((l) => l.format)).toEqual(["html", "xlsx", "pdf"]);
    const FILE = `query($t: String!) { documentFile(token: $t) { __typename ... on DocumentFile { fileName contentType contentBase64 } ... on FinanceError { code message } } }`;
    const pdf = await gql<{ documentFile: { fileName: string; contentBase64: string } }>(keaz, FILE, {
      t: links[2]?.token,
    });
    expect(pdf.documentFile.fileName).toBe(`Счет_${order.number}.pdf`);
    const text = pdfText(pdf.documentFile.contentBase64);
    expect(text).toContain(`Счёт на оплату № ${order.number}`);
    expect(text).toContain("АО «Курский электроаппаратный завод»");
    expect(text).toContain("ООО «ЭлектроКомплект»");
    expect(text).toContain("Договор № Д-01/KEA-2026 от 15.01.2026");
    const rub = new Intl.NumberFormat("ru-RU", { minimumFractionDigits: 2 })
      .format(order.amount / 100)
      .replace(/\s/g, " ");
    expect(text).toContain(`Всего к оплате: ${rub}`);
    expect(text).toContain("Страница 1 из 1");

    const xlsx = await gql<{ documentFile: { contentBase64: string } }>(keaz, FILE, { t: links[1]?.token });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.documentFile.contentBase64, "base64") as unknown as ArrayBuffer);
    const values: unknown[] = [];
    wb.worksheets[0]?.eachRow((r) => r.eachCell((c) => values.push(c.value)));
    expect(values).toContain(order.amount / 100);

    // Another dealer cannot use the link; a tampered link is refused by name.
    const spectr = await login("dealer@spectr.demo", "spectr");
    const foreign = await gql<{ documentFile: { code: string } }>(spectr, FILE, { t: links[2]?.token });
    expect(foreign.documentFile.code).toBe("LINK_FOREIGN");
    const bad = await gql<{ documentFile: { code: string } }>(keaz, FILE, { t: `${links[2]?.token}x` });
    expect(bad.documentFile.code).toBe("LINK_INVALID");
  });

  it("the commercial proposal prints each line's lead time from inventory in PDF and XLSX (the formats keaz issues it in)", async () => {
    const q = `query($id: ID!) { order(id: $id) { lines { product { id } quantity }
      documents { type { code } links { format token } } } }`;
    const o = await gql<{
      order: {
        lines: { product: { id: string }; quantity: number }[];
        documents: { type: { code: string }; links: { format: string; token: string }[] }[];
      };
    }>(keaz, q, { id: order.id });
    const lines = o.order.lines.map((l) => ({ productId: l.product.id, quantity: l.quantity }));
    // What inventory answers the dealer: one text per line and warehouse.
    const lt = await gql<{ leadTimes: { productId: string; warehouse: { name: string }; text: string }[] }>(
      keaz,
      "query($l: [LeadTimeRequestInput!]!) { leadTimes(lines: $l) { productId warehouse { name } text } }",
      { l: lines },
    );
    const quotes = lt.leadTimes.filter((t) => t.productId === lines[0]?.productId);
    expect(quotes.length).toBeGreaterThan(0);
    for (const t of quotes) expect(t.text).toMatch(/^\d+ шт\. - \d+ раб\. дн\./);
    const expected =
      quotes.length === 1 ? quotes[0]?.text : quotes.map((t) => `${t.warehouse.name}: ${t.text}`).join("; ");
    const links = o.order.documents.find((d) => d.type.code === "commercial_proposal")?.links ?? [];
    const FILE = `query($t: String!) { documentFile(token: $t) { ... on DocumentFile { fileName contentBase64 } } }`;
    const fetchFile = async (format: string) => {
      const token = links.find((l) => l.format === format)?.token;
      return (await gql<{ documentFile: { fileName: string; contentBase64: string } }>(keaz, FILE, { t: token }))
        .documentFile;
    };
    const pdf = await fetchFile("pdf");
    expect(pdf.fileName).toBe(`КП_${order.number}.pdf`);
    const text = pdfText(pdf.contentBase64);
    expect(text).toContain("Срок готовности");
    // Each warehouse's lead time on the line's row, in order (the cell wraps beside the product's name).
    const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const parts = quotes.map((t) => (quotes.length === 1 ? esc(t.text) : `${esc(t.warehouse.name)}:.*?${esc(t.text)}`));
    expect(text).toMatch(new RegExp(`Срок готовности 1 .*${parts.join(".*?")}.* Итого:`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await fetchFile("xlsx")).contentBase64, "base64") as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    wb.worksheets[0]?.eachRow((r) => r.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain("Срок готовности");
    expect(cells).toContain(expected);
  });

  it("ERP: a payment is idempotent by external id and an unknown invoice is refused by name", async () => {
    const manager = await login("manager@keaz.demo", "keaz");
    const PAY = `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { __typename ... on Payment { id amount { amount } } ... on FinanceError { code message } } }`;
    const input = {
      externalId: "1c-pay-77",
      invoiceNumber: order.number,
      documentNumber: "77",
      paidOn: "2026-11-20",
      amount: order.amount,
    };
    const a = await gql<{ recordPayment: { id: string } }>(manager, PAY, { i: input });
    const b = await gql<{ recordPayment: { id: string } }>(manager, PAY, { i: input });
    expect(b.recordPayment.id).toBe(a.recordPayment.id);
    const unknown = await gql<{ recordPayment: { code: string; message: string } }>(manager, PAY, {
      i: { ...input, externalId: "1c-pay-78", invoiceNumber: "999999" },
    });
    expect(unknown.recordPayment).toEqual({
      __typename: "FinanceError",
      code: "UNKNOWN_INVOICE",
      message: "Счет № 999999 не найден: платеж не записан.",
    });
    const f = (await gql<Finance>(keaz, FINANCE)).finance;
    expect(f.invoices.find((i) => i.orderId === order.id)?.paymentStatus).toBe("PAID");
    // The payment pays the invoice in full: finance's outbox → worker → orders' fully_paid, and
    // keaz's workflow sends the prepaid order to production.
    const status = await until(async () => {
      const o = await gql<{ order: { statusCode: string } }>(
        keaz,
        "query($id: ID!) { order(id: $id) { statusCode } }",
        {
          id: order.id,
        },
      );
      return o.order.statusCode === "invoiced" ? undefined : o.order.statusCode;
    });
    expect(status).toBe("production");
    // The payment settles the oldest debt first: the overdue October shipment.
    expect(f.overdueDebt.amount).toBe(Math.max(0, 13_276_040 - order.amount));
    const dealerTry = await postGraphQL(
      stack.gatewayUrl,
      PAY,
      { i: { ...input, externalId: "x" } },
      { authorization: `Bearer ${keaz}` },
    );
    expect(dealerTry.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("ERP: a shipment's document number is used on the ТОРГ-12-like documents; unknown types refused", async () => {
    const manager = await login("manager@keaz.demo", "keaz");
    const SET = `mutation($i: SetDocumentNumberInput!) { setDocumentNumber(input: $i) { __typename ... on DocumentNumber { number } ... on FinanceError { code } } }`;
    const ok = await gql<{ setDocumentNumber: { number: string } }>(manager, SET, {
      i: { externalId: "1c-doc-1", orderId: order.id, typeCode: "invoice", number: "СЧ-1234", issuedOn: "2026-11-21" },
    });
    expect(ok.setDocumentNumber.number).toBe("СЧ-1234");
    const bad = await gql<{ setDocumentNumber: { code: string } }>(manager, SET, {
      i: { externalId: "1c-doc-2", orderId: order.id, typeCode: "nope", number: "1", issuedOn: "2026-11-21" },
    });
    expect(bad.setDocumentNumber.code).toBe("UNKNOWN_DOCUMENT_TYPE");
    const o = await gql<{ order: { documents: { links: { format: string; token: string }[] }[] } }>(
      keaz,
      `query($id: ID!) { order(id: $id) { documents { links { format token } } } }`,
      { id: order.id },
    );
    const token = o.order.documents[0]?.links.find((l) => l.format === "html")?.token;
    const html = await gql<{ documentFile: { contentBase64: string } }>(
      keaz,
      `query($t: String!) { documentFile(token: $t) { ... on DocumentFile { contentBase64 } } }`,
      { t: token },
    );
    expect(Buffer.from(html.documentFile.contentBase64, "base64").toString("utf8")).toContain(
      "Счёт на оплату № СЧ-1234 от 21 ноября 2026 г.",
    );
  });

  it("documents print each line's own unit: spectr's cable in бухта, not шт", async () => {
    const spectr = await login("dealer@spectr.demo", "spectr");
    const tenant = demoTenant(stack.dataset, "spectr");
    const coil = tenant.products.find((p) => p.unit === "бухта" && !p.discontinued);
    if (!coil) throw new Error("spectr demo data lacks a product sold by the coil");
    const draft = await gql<{ createDraft: { id: string } }>(spectr, "mutation { createDraft { id } }");
    await gql(spectr, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
      i: {
        orderId: draft.createDraft.id,
        article: coil.article,
        quantity: Math.max(coil.minQuantity, coil.packMultiple),
      },
    });
    await gql(spectr, "mutation($id: ID!) { submitOrder(orderId: $id) { __typename } }", { id: draft.createDraft.id });
    const o = await gql<{
      order: {
        lines: { unit: string }[];
        documents: { type: { code: string }; links: { format: string; token: string }[] }[];
      };
    }>(
      spectr,
      `query($id: ID!) { order(id: $id) { lines { unit } documents { type { code } links { format token } } } }`,
      {
        id: draft.createDraft.id,
      },
    );
    expect(o.order.lines).toEqual([{ unit: "бухта" }]);
    const links = o.order.documents.find((d) => d.type.code === "invoice")?.links ?? [];
    const FILE = `query($t: String!) { documentFile(token: $t) { ... on DocumentFile { contentBase64 } } }`;
    const fetchFile = async (format: string) =>
      (
        await gql<{ documentFile: { contentBase64: string } }>(spectr, FILE, {
          t: links.find((l) => l.format === format)?.token,
        })
      ).documentFile.contentBase64;
    const text = pdfText(await fetchFile("pdf"));
    expect(text).toMatch(new RegExp(` ${Math.max(coil.minQuantity, coil.packMultiple)} бухта `));
    expect(text).not.toMatch(/ шт /);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await fetchFile("xlsx"), "base64") as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    wb.worksheets[0]?.eachRow((r) => r.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain("бухта");
    expect(cells).not.toContain("шт");
  });

  it("the act: PDF with opening, operations and closing; keaz refuses a second request the same day, saying when", async () => {
    const ACT = `mutation { requestReconciliationAct { __typename ... on ReconciliationAct { from to links { format token } } ... on ActRequestLimited { code message nextAllowedAt } } }`;
    const first = await gql<{ requestReconciliationAct: { from: string; links: { format: string; token: string }[] } }>(
      keaz,
      ACT,
    );
    expect(first.requestReconciliationAct.from).toBe(`${new Date().getUTCFullYear()}-01-01`);
    const token = first.requestReconciliationAct.links.find((l) => l.format === "pdf")?.token;
    const file = await gql<{ documentFile: { contentBase64: string } }>(
      keaz,
      `query($t: String!) { documentFile(token: $t) { ... on DocumentFile { contentBase64 } } }`,
      { t: token },
    );
    const text = pdfText(file.documentFile.contentBase64);
    expect(text).toContain("Акт сверки взаимных расчётов за период 01.01.2026");
    expect(text).toContain("12.02.2026 Продажа (№ РН-10001");
    expect(text).toContain("184 320,00");
    expect(text).toContain("Сальдо начальное");
    expect(text).toContain("Сальдо конечное");
    const second = await gql<{
      requestReconciliationAct: { __typename: string; message: string; nextAllowedAt: string };
    }>(keaz, ACT);
    expect(second.requestReconciliationAct.__typename).toBe("ActRequestLimited");
    expect(second.requestReconciliationAct.message).toMatch(
      /^Акт сверки можно запрашивать раз в сутки\. Следующий запрос возможен \d\d\.\d\d\.\d{4} в \d\d:\d\d \(МСК\)\.$/,
    );
    const f = (await gql<Finance>(keaz, FINANCE)).finance;
    expect(f.actRequest.allowedNow).toBe(false);
  });

  it("wasserkraft: bonus points once the manager moves the order to the rule's status, once; prepayment contract", async () => {
    const wk = await login("dealer@wasserkraft.demo", "wasserkraft");
    const manager = await login("manager@wasserkraft.demo", "wasserkraft");
    const o = await submitOrder(wk, "wasserkraft");
    const BONUS =
      "{ bonusAccount { balance rule { creditAtStatus perAmount { amount } } entries { orderNumber points } } }";
    type Account = {
      balance: number;
      rule: { creditAtStatus: string };
      entries: { orderNumber: string; points: number }[];
    };
    const account = async () => (await gql<{ bonusAccount: Account }>(wk, BONUS)).bonusAccount;
    const before = await account();
    const mine = (a: Account) => a.entries.filter((e) => e.orderNumber === o.number);
    const path = managerPath("wasserkraft", o.statusCode, before.rule.creditAtStatus);
    // Every status on the way but the last: the invoice is issued, no points yet.
    await until(async () =>
      (await gql<Finance>(wk, FINANCE)).finance.invoices.some((i) => i.orderId === o.id) ? true : undefined,
    );
    for (const to of path.slice(0, -1)) await fire(manager, o.id, to);
    await settle(o.id);
    expect(mine(await account())).toEqual([]);
    await fire(manager, o.id, path[path.length - 1] as string);
    const expected = Math.floor(o.amount / 100000);
    expect(o.amount).toBeGreaterThanOrEqual(100000);
    const acc = await until(async () => {
      const a = await account();
      return mine(a).length > 0 ? a : undefined;
    });
    expect(mine(acc)).toEqual([{ orderNumber: o.number, points: expected }]);
    expect(acc.balance).toBe(before.balance + expected);
    // An order that never reaches the status gets nothing.
    const other = await submitOrder(wk, "wasserkraft");
    await fire(manager, other.id, path[0] as string);
    await settle(other.id);
    const after = await account();
    expect(after.entries.filter((e) => e.orderNumber === other.number)).toEqual([]);
    expect(mine(after)).toHaveLength(1);
    expect(after.balance).toBe(acc.balance);
    const noBonus = await gql<{ bonusAccount: null }>(keaz, BONUS);
    expect(noBonus.bonusAccount).toBeNull();
    const g = await gql<{ creditStatus: { allowed: boolean; reason: string } }>(
      wk,
      'query { creditStatus(companyId: "cmp_wasserkraft_1") { allowed reason } }',
    );
    expect(g.creditStatus.reason).toBe("OVERDUE_DEBT");
  });
});
