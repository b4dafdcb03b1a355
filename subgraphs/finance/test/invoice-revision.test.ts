import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Actor } from "@dpp/auth";
import { startTestSmtpServer, type TestSmtpServer } from "@dpp/mail/testing";
import { callSubgraph } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayClient, RESULT } from "../../orders/test/gateway-helpers.ts";

/**
 * A manager's line edit re-issues the order's invoice (issue 5 §5, issue 8 §1), through the real
 * gateway, worker and SMTP server: the dealer is mailed the updated invoice's PDF, the finance
 * page shows the new amount, and a repeated delivery of the edit's event changes nothing.
 */
let stack: Stack;
let smtp: TestSmtpServer;
let c: ReturnType<typeof gatewayClient>;
let dir: string;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({ smtpUrl: smtp.url });
  c = gatewayClient(stack);
  dir = mkdtempSync(path.join(tmpdir(), "invoice-revision-"));
});
afterAll(async () => {
  await stack?.stop();
  await smtp?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const flat = (s: string) => s.replace(/\s+/g, " ");
const rub = (kopecks: number) =>
  flat(new Intl.NumberFormat("ru-RU", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(kopecks / 100));

function pdfText(content: Buffer): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, content);
  return flat(execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }));
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + 20_000;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type InvoiceView = {
  orderId: string;
  number: string;
  amount: { amount: number };
  vat: { amount: number };
  paid: { amount: number };
  paymentStatus: string;
  revision: number;
  revisedOn: string | null;
};
const REVISE = `mutation($i: ReviseOrderInvoiceInput!) { reviseOrderInvoice(input: $i) { applied invoice { number revision } } }`;
const FINANCE = `{ finance { balance { amount } invoices { orderId number amount { amount } vat { amount } paid { amount }
  paymentStatus revision revisedOn } } }`;

describe("a manager's line edit re-issues the invoice (wasserkraft)", () => {
  it("mails the dealer the updated invoice PDF, the finance page shows the new amount, a repeat changes nothing", async () => {
    const slug = "wasserkraft";
    const dealer = await c.login("dealer@wasserkraft.demo", slug);
    const manager = await c.login("manager@wasserkraft.demo", slug);
    const order = await c.submitted(dealer, slug);
    const finance = () => c.gql<{ finance: { balance: { amount: number }; invoices: InvoiceView[] } }>(dealer, FINANCE);
    const issued = await until("the invoice", async () =>
      (await finance()).finance.invoices.find((i) => i.orderId === order.id),
    );
    expect(issued).toMatchObject({ amount: { amount: order.totals.amount.amount }, revision: 0, revisedOn: null });
    const balanceBefore = (await finance()).finance.balance.amount;

    const { order: view } = await c.gql<{ order: { lines: { id: string; quantity: number }[] } }>(
      manager,
      "query($id: ID!) { order(id: $id) { lines { id quantity } } }",
      { id: order.id },
    );
    const line = view.lines[0];
    if (!line) throw new Error("no line");
    const changed = await c.gql<{ setOrderLineQuantity: { totals: { amount: { amount: number } } } }>(
      manager,
      `mutation($o: ID!, $l: ID!, $q: Int!) { setOrderLineQuantity(orderId: $o, lineId: $l, quantity: $q) { ${RESULT} } }`,
      { o: order.id, l: line.id, q: line.quantity * 3 },
    );
    const total = changed.setOrderLineQuantity.totals.amount.amount;
    expect(total).toBe(order.totals.amount.amount * 3);

    // The dealer's mail carries the re-issued invoice as a PDF: same number, the new total.
    const mail = await until("the updated-invoice mail", async () =>
      smtp.messages.find(
        (m) => m.envelope.to.includes("dealer@wasserkraft.demo") && /обновленный счет/.test(m.subject),
      ),
    );
    const pdf = mail.attachments.find((a) => a.contentType === "application/pdf");
    if (!pdf) throw new Error(`no PDF attached: ${mail.attachments.map((a) => a.filename).join(", ")}`);
    expect(flat(mail.text)).toContain(`Счет во вложении: ${pdf.filename}`);
    const text = pdfText(pdf.content);
    const today = flat(new Intl.DateTimeFormat("ru-RU", { day: "numeric", month: "long", year: "numeric" }).format());
    expect(text).toContain(`Счёт на оплату № ${order.number} от ${today}`);
    expect(text).toContain(`Всего к оплате: ${rub(total)}`);

    // Finance shows the new amount, once: revision 1, re-issued today; the balance (shipments −
    // payments, decision 0010) does not move until something ships.
    const revised = (await finance()).finance.invoices.find((i) => i.orderId === order.id);
    expect(revised).toMatchObject({
      number: issued.number,
      amount: { amount: total },
      revision: 1,
      revisedOn: new Date().toISOString().slice(0, 10),
      paymentStatus: "UNPAID",
    });
    expect((await finance()).finance.balance.amount).toBe(balanceBefore);

    // The worker delivers at least once: the same event again (even with another amount) changes nothing.
    const sql = postgres(stack.db.adminUrl, { max: 1 });
    const [evt] = await sql<
      { id: string; tenant_id: string; created_at: Date; payload: { vat: { amount: number } } }[]
    >`
      select id, tenant_id, created_at, payload from orders.outbox
      where topic = 'order.lines_changed_by_manager' and payload->>'orderId' = ${order.id}`;
    await sql.end();
    if (!evt) throw new Error("no lines_changed event");
    const again = await callSubgraph<{ reviseOrderInvoice: unknown }>(
      `${stack.urls.finance}/graphql`,
      stack.internalTokenSecret,
      { kind: "service", service: "worker", tenantId: evt.tenant_id },
      REVISE,
      {
        i: {
          orderId: order.id,
          eventId: evt.id,
          amount: total + 100,
          vat: evt.payload.vat.amount,
          at: evt.created_at.toISOString(),
        },
      },
    );
    expect(again.data?.reviseOrderInvoice).toEqual({ applied: false, invoice: { number: issued.number, revision: 1 } });
    expect((await finance()).finance.invoices.find((i) => i.orderId === order.id)).toEqual(revised);

    // A payment of the old amount now leaves the invoice partly paid; the rest pays it in full.
    const pay = (externalId: string, amount: number) =>
      c.gql<{ recordPayment: { __typename: string } }>(
        manager,
        `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { __typename ... on FinanceError { code message } } }`,
        {
          i: {
            externalId,
            invoiceNumber: issued.number,
            documentNumber: externalId,
            paidOn: new Date().toISOString().slice(0, 10),
            amount,
          },
        },
      );
    expect((await pay(`pp-${order.number}-1`, order.totals.amount.amount)).recordPayment.__typename).toBe("Payment");
    const partly = (await finance()).finance.invoices.find((i) => i.orderId === order.id);
    expect(partly).toMatchObject({ paid: { amount: order.totals.amount.amount }, paymentStatus: "PARTIALLY_PAID" });
    await pay(`pp-${order.number}-2`, total - order.totals.amount.amount);
    const paid = (await finance()).finance.invoices.find((i) => i.orderId === order.id);
    expect(paid).toMatchObject({ paid: { amount: total }, paymentStatus: "PAID" });
  });

  it("keeps the service operations off the gateway and refuses them to users, staff included", async () => {
    const manager = await c.login("manager@wasserkraft.demo", "wasserkraft");
    const viaGateway = await c.gql(manager, `{ orderInvoiceFile(orderId: "x") { __typename } }`).catch((e: Error) => e);
    expect(String(viaGateway)).toMatch(/Cannot query field .*orderInvoiceFile/);
    const tenantId = c.tenantOf("wasserkraft").id;
    const staff: Actor = {
      kind: "user",
      userId: "usr_m",
      tenantId,
      companyId: null,
      roles: ["manager"],
      permissions: [],
    };
    const i = { orderId: "x", eventId: "evt_x", amount: 1, vat: 0, at: "2026-11-23T10:00:00Z" };
    const url = `${stack.urls.finance}/graphql`;
    const revise = await callSubgraph(url, stack.internalTokenSecret, staff, REVISE, { i });
    expect(revise.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const file = await callSubgraph(
      url,
      stack.internalTokenSecret,
      staff,
      `{ orderInvoiceFile(orderId: "x") { __typename } }`,
    );
    expect(file.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
