import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoTenant } from "@dpp/seed";
import { postGraphQL, TEST_INTERNAL_SECRET } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, seedFinance } from "../src/index.ts";

/**
 * The active counterparty (decision 0009) through the real gateway: the demo company with two
 * legal entities in keaz switches between them with identity's selectCounterparty, and finance
 * shows each one's contracts, figures and acts; an order's documents name the order's buyer.
 */
let stack: Stack;
const dir = mkdtempSync(path.join(tmpdir(), "fin-cp-"));
const EMAIL = "dealer@multibrand.demo";
let tenantId: string;
let companyId: string;
let cp1: { id: string; inn: string; kpp: string | null };
let cp2: { id: string; name: string; inn: string; kpp: string | null };

/** A contract of the second counterparty, as the ERP would bring it: one unpaid shipment. */
const SECOND = {
  id: "ctr_test_second",
  number: "Д-77/РЕГ-2026",
  signedOn: "2026-01-10",
  paymentTerms: "deferral" as const,
  deferralDays: 30,
  creditLimit: 100_000_00,
  shipment: 45_000_00,
};

beforeAll(async () => {
  stack = await startStack();
  const keaz = demoTenant(stack.dataset, "keaz");
  tenantId = keaz.id;
  const user = stack.dataset.users.find((u) => u.email === EMAIL);
  const m = stack.dataset.memberships.find((x) => x.userId === user?.id && x.tenantId === tenantId);
  const company = stack.dataset.companies.find((c) => c.id === m?.companyId);
  const [first, second] = company?.counterparties ?? [];
  if (!company || !first || !second) throw new Error("the demo company with two counterparties is missing");
  companyId = company.id;
  [cp1, cp2] = [first, second];
  const admin = await createServer({ databaseUrl: stack.db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  try {
    await seedFinance(admin.db, [
      {
        id: tenantId,
        definition: { documentTypes: [] },
        contracts: [
          {
            id: SECOND.id,
            companyId,
            counterpartyId: second.id,
            number: SECOND.number,
            signedOn: SECOND.signedOn,
            paymentTerms: SECOND.paymentTerms,
            deferralDays: SECOND.deferralDays,
            creditLimit: SECOND.creditLimit,
            shipments: [
              { id: "shp_test_second", number: "РН-770001", shippedOn: "2026-11-02", amount: SECOND.shipment },
            ],
            payments: [],
          },
        ],
      },
    ]);
  } finally {
    await admin.stop();
  }
});
afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Session = { accessToken: string; refreshToken: string };
const SESSION = "... on Session { accessToken refreshToken } ... on AuthError { code message }";

async function login(email: string): Promise<Session> {
  const u = stack.dataset.users.find((x) => x.email === email);
  const res = await postGraphQL<{ login: Session }>(
    stack.gatewayUrl,
    `mutation($input: LoginInput!) { login(input: $input) { ${SESSION} } }`,
    { input: { email, password: u?.password, tenantSlug: "keaz" } },
  );
  if (!res.data?.login.accessToken) throw new Error(`login ${email}: ${JSON.stringify(res)}`);
  return res.data.login;
}

async function select(s: Session, counterpartyId: string): Promise<Session> {
  const res = await gql<{ selectCounterparty: Session }>(
    s.accessToken,
    `mutation($r: String!, $c: ID!) { selectCounterparty(refreshToken: $r, counterpartyId: $c) { ${SESSION} } }`,
    { r: s.refreshToken, c: counterpartyId },
  );
  if (!res.selectCounterparty.accessToken) throw new Error(JSON.stringify(res));
  return res.selectCounterparty;
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

const FINANCE = `{ finance { balance { amount } contracts { number counterpartyId balance { amount } }
  acts { id links { format token } } } }`;
type Finance = {
  finance: {
    balance: { amount: number };
    contracts: { number: string; counterpartyId: string | null; balance: { amount: number } }[];
    acts: { id: string; links: { format: string; token: string }[] }[];
  };
};
const FILE = `query($t: String!) { documentFile(token: $t) { __typename ... on DocumentFile { contentBase64 } ... on FinanceError { code } } }`;
type File = { documentFile: { __typename: string; contentBase64?: string; code?: string } };

describe("finance respects the active counterparty", () => {
  let first: Session;
  let second: Session;
  let seededBalance: number;

  it("the first counterparty sees its contract only; switching shows the second's contract and figures", async () => {
    // Login starts with the first allowed counterparty by name; choose the first of the company's.
    first = await select(await login(EMAIL), cp1.id);
    const a = (await gql<Finance>(first.accessToken, FINANCE)).finance;
    expect(a.contracts.map((c) => c.counterpartyId)).toEqual([cp1.id]);
    seededBalance = a.contracts[0]?.balance.amount ?? 0;
    expect(seededBalance).toBeGreaterThan(0);
    expect(a.balance.amount).toBe(seededBalance);

    second = await select(first, cp2.id);
    const b = (await gql<Finance>(second.accessToken, FINANCE)).finance;
    expect(b.contracts).toEqual([
      { number: SECOND.number, counterpartyId: cp2.id, balance: { amount: SECOND.shipment } },
    ]);
    expect(b.balance.amount).toBe(SECOND.shipment);
  });

  it("staff (no claim) still see both contracts of the company", async () => {
    const manager = stack.dataset.memberships.find((m) => m.tenantId === tenantId && m.role === "manager");
    const email = stack.dataset.users.find((u) => u.id === manager?.userId)?.email ?? "";
    const staff = await login(email);
    const r = await gql<{ companyContracts: { number: string }[] }>(
      staff.accessToken,
      "query($c: ID!) { companyContracts(companyId: $c) { number } }",
      { c: companyId },
    );
    expect(r.companyContracts.map((c) => c.number)).toContain(SECOND.number);
    expect(r.companyContracts).toHaveLength(2);
  });

  it("an act requested for the second counterparty is under its contract and names it; the first cannot open it", async () => {
    const r = await gql<{ requestReconciliationAct: { __typename: string; id?: string } }>(
      second.accessToken,
      "mutation { requestReconciliationAct { __typename ... on ReconciliationAct { id } } }",
    );
    expect(r.requestReconciliationAct.__typename).toBe("ReconciliationAct");
    const b = (await gql<Finance>(second.accessToken, FINANCE)).finance;
    expect(b.acts.map((a) => a.id)).toEqual([r.requestReconciliationAct.id]);
    const pdf = b.acts[0]?.links.find((l) => l.format === "pdf")?.token;
    const file = await gql<File>(second.accessToken, FILE, { t: pdf });
    const text = pdfText(file.documentFile.contentBase64 ?? "");
    expect(text).toContain(cp2.inn);
    expect(text).toContain(SECOND.number);

    first = await select(second, cp1.id);
    const a = (await gql<Finance>(first.accessToken, FINANCE)).finance;
    expect(a.acts).toEqual([]);
    expect((await gql<File>(first.accessToken, FILE, { t: pdf })).documentFile).toEqual({
      __typename: "FinanceError",
      code: "ACT_NOT_FOUND",
    });
    second = await select(first, cp2.id);
  });

  /** Places an order in the session (its counterparty is the session's) and reads its invoice PDF. */
  async function orderInvoice(
    s: Session,
  ): Promise<{ orderId: string; counterpartyId: string | null; text: string; token: string }> {
    const products = demoTenant(stack.dataset, "keaz").products;
    const p = products.find((x) => x.basePrice > 200000) ?? products[0];
    if (!p) throw new Error("no product");
    const draft = await gql<{ createDraft: { id: string } }>(s.accessToken, "mutation { createDraft { id } }");
    await gql(s.accessToken, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
      i: { orderId: draft.createDraft.id, article: p.article, quantity: Math.max(p.minQuantity, p.packMultiple) },
    });
    const sub = await gql<{ submitOrder: { id?: string; counterpartyId?: string | null } }>(
      s.accessToken,
      `mutation($id: ID!) { submitOrder(orderId: $id, checkout: { confirmed: true }) {
        ... on Order { id counterpartyId } ... on OrderError { code message } } }`,
      { id: draft.createDraft.id },
    );
    const o = await gql<{
      order: { documents: { type: { code: string }; links: { format: string; token: string }[] }[] };
    }>(s.accessToken, "query($id: ID!) { order(id: $id) { documents { type { code } links { format token } } } }", {
      id: sub.submitOrder.id,
    });
    const invoice = o.order.documents.find((d) => d.type.code === "invoice");
    const token = invoice?.links.find((l) => l.format === "pdf")?.token ?? "";
    const file = await gql<File>(s.accessToken, FILE, { t: token });
    return {
      orderId: sub.submitOrder.id ?? "",
      counterpartyId: sub.submitOrder.counterpartyId ?? null,
      text: pdfText(file.documentFile.contentBase64 ?? ""),
      token,
    };
  }

  it("the invoice of an order placed for the second counterparty names its INN/KPP and contract", async () => {
    const { orderId, counterpartyId, text, token } = await orderInvoice(second);
    expect(counterpartyId).toBe(cp2.id);
    // The invoice the worker issued on submission is filed under the second's contract: listed for
    // the second counterparty, not for the first.
    const INVOICES = "{ finance { invoices { orderId } } }";
    type Invoices = { finance: { invoices: { orderId: string | null }[] } };
    await expect
      .poll(async () => (await gql<Invoices>(second.accessToken, INVOICES)).finance.invoices.map((i) => i.orderId), {
        timeout: 15_000,
      })
      .toContain(orderId);
    expect((await gql<Invoices>(first.accessToken, INVOICES)).finance.invoices.map((i) => i.orderId)).not.toContain(
      orderId,
    );
    expect(text).toContain(cp2.name);
    expect(text).toContain(cp2.inn);
    expect(text).toContain(cp2.kpp ?? "—");
    expect(text).not.toContain(cp1.inn);
    expect(text).toContain(`Договор № ${SECOND.number} от 10.01.2026`);

    // The link is the company's, so the first counterparty's session may open it: the buyer is still the order's.
    const again = pdfText((await gql<File>(first.accessToken, FILE, { t: token })).documentFile.contentBase64 ?? "");
    expect(again).toContain(cp2.inn);
  });

  it("an order placed for the first counterparty names the first, under its own contract (not the older second's)", async () => {
    const contract = demoTenant(stack.dataset, "keaz").contracts.find((c) => c.counterpartyId === cp1.id);
    first = await select(second, cp1.id);
    const { counterpartyId, text } = await orderInvoice(first);
    expect(counterpartyId).toBe(cp1.id);
    expect(text).toContain(cp1.inn);
    expect(text).not.toContain(cp2.inn);
    expect(text).toContain(`Договор № ${contract?.number} от 15.01.2026`);
  });
});
