import { startTestSmtpServer, type TestSmtpServer } from "@dpp/mail/testing";
import { callSubgraph, dealerActor, postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offerPrice } from "../src/presentations/domain.ts";

/**
 * Presentations through the gateway, mailed through a real SMTP server: a manager composes an
 * offer for a dealer company (bad lines named, nothing saved), the dealer sees nothing until it
 * is sent, sending mails the company's logins a link and gives the company the offer's prices,
 * the dealer puts a line into the draft at that price. A tenant without the feature refuses.
 */
let stack: Stack;
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({ smtpUrl: smtp.url, portalUrl: "http://portal.test" });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await smtp?.close();
});

const withFeature = () => {
  const t = stack.dataset.tenants.find((x) => x.definition.features.presentations);
  if (!t) throw new Error("no demo tenant sends presentations");
  return t;
};
const withoutFeature = () => {
  const t = stack.dataset.tenants.find((x) => !x.definition.features.presentations);
  if (!t) throw new Error("every demo tenant sends presentations");
  return t;
};

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

async function gql<T>(token: string, query: string, variables: Record<string, unknown> = {}) {
  return postGraphQL<T>(stack.gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
}
async function ok<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await gql<T>(token, query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

const RESULT = `__typename
  ... on Presentation { id title status discountPercent validUntil sentAt company { id }
    lines { quantity product { id article } base { amount } offer { amount currency } retail { amount } } }
  ... on PresentationError { code message fields { field message } }`;
const SAVE = `mutation($id: ID, $i: PresentationInput!) { savePresentation(id: $id, input: $i) { ${RESULT} } }`;
const SEND = `mutation($id: ID!) { sendPresentation(id: $id) { ${RESULT} } }`;

interface Line {
  quantity: number;
  product: { id: string; article: string };
  base: { amount: number };
  offer: { amount: number; currency: string };
  retail: { amount: number } | null;
}
interface Presentation {
  __typename: "Presentation";
  id: string;
  status: string;
  discountPercent: number;
  sentAt: string | null;
  company: { id: string };
  lines: Line[];
}
interface PresentationError {
  __typename: "PresentationError";
  code: string;
  message: string;
  fields: { field: string; message: string }[];
}

describe("presentations", () => {
  it("a manager composes and sends an offer; the dealer gets a link and orders at the offer's price", async () => {
    const t = withFeature();
    const slug = t.definition.slug;
    const manager = await login(`manager@${slug}.demo`, slug);
    const dealer = await login(`dealer@${slug}.demo`, slug);
    const dealerUser = stack.dataset.users.find((u) => u.email === `dealer@${slug}.demo`);
    const companyId = stack.dataset.memberships.find((m) => m.userId === dealerUser?.id && m.tenantId === t.id)
      ?.companyId as string;

    const enabled = await ok<{ viewer: { tenant: { presentationsEnabled: boolean } } }>(
      dealer,
      "{ viewer { tenant { presentationsEnabled } } }",
    );
    expect(enabled.viewer.tenant.presentationsEnabled).toBe(true);
    const companies = await ok<{ dealerCompanies: { id: string; name: string }[] }>(
      manager,
      "{ dealerCompanies { id name } }",
    );
    expect(companies.dealerCompanies.map((c) => c.id)).toContain(companyId);
    const deniedList = await gql(dealer, "{ dealerCompanies { id } }");
    expect(deniedList.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const [a, b] = t.products.filter((p) => p.retailPrice !== null && p.retailPrice !== undefined);
    if (!a || !b) throw new Error("the tenant needs two products with retail prices");
    const input = {
      companyId,
      title: "Комплект видеонаблюдения",
      comment: "Цены действуют до конца года.",
      discountPercent: 12.5,
      validUntil: "2099-12-31",
      lines: [
        { article: a.article, quantity: 4 },
        { article: "НЕТ-ТАКОГО", quantity: 1 },
        { article: b.article, quantity: 0 },
      ],
    };
    const bad = await ok<{ savePresentation: PresentationError }>(manager, SAVE, { i: input });
    expect(bad.savePresentation).toMatchObject({
      __typename: "PresentationError",
      code: "PRESENTATION_INVALID",
      fields: [
        { field: "lines.2", message: "Строка 2: нет товара с артикулом НЕТ-ТАКОГО" },
        { field: "lines.3", message: "Строка 3: количество — целое число больше нуля" },
      ],
    });
    const none = await ok<{ presentations: unknown[] }>(manager, "{ presentations { id } }");
    expect(none.presentations).toEqual([]);

    const byDealer = await gql(dealer, SAVE, { i: input });
    expect(byDealer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const saved = await ok<{ savePresentation: Presentation }>(manager, SAVE, {
      i: {
        ...input,
        lines: [
          { article: a.article, quantity: 4 },
          { article: b.article, quantity: 2 },
        ],
      },
    });
    const draft = saved.savePresentation;
    expect(draft).toMatchObject({ __typename: "Presentation", status: "DRAFT", discountPercent: 12.5, sentAt: null });
    expect(draft.lines.map((l) => [l.product.article, l.quantity, l.base.amount, l.offer.amount])).toEqual([
      [a.article, 4, a.basePrice, offerPrice(a.basePrice, 1250)],
      [b.article, 2, b.basePrice, offerPrice(b.basePrice, 1250)],
    ]);
    expect(draft.lines[0]?.retail?.amount).toBe(a.retailPrice);

    // A draft is the manager's: the dealer sees nothing yet.
    const hidden = await ok<{ presentations: unknown[]; presentation: unknown }>(
      dealer,
      "query($id: ID!) { presentations { id } presentation(id: $id) { id } }",
      { id: draft.id },
    );
    expect(hidden).toEqual({ presentations: [], presentation: null });

    const sent = await ok<{ sendPresentation: Presentation }>(manager, SEND, { id: draft.id });
    expect(sent.sendPresentation.status).toBe("SENT");
    const mail = await smtp
      .waitForMessages(1)
      .then(() => smtp.messages.find((m) => m.envelope.to.includes(`dealer@${slug}.demo`)));
    expect(mail?.subject).toBe("Персональное предложение: Комплект видеонаблюдения");
    expect(mail?.text).toContain("со скидкой 12,5 %");
    expect(mail?.text).toContain(`http://portal.test/presentations/${draft.id}?brand=${slug}`);

    const again = await ok<{ sendPresentation: PresentationError }>(manager, SEND, { id: draft.id });
    expect(again.sendPresentation.code).toBe("PRESENTATION_ALREADY_SENT");
    const edit = await ok<{ savePresentation: PresentationError }>(manager, SAVE, { id: draft.id, i: input });
    expect(edit.savePresentation.code).toBe("PRESENTATION_ALREADY_SENT");

    const seen = await ok<{ presentation: Presentation }>(
      dealer,
      "query($id: ID!) { presentation(id: $id) { id status lines { offer { amount } } } }",
      { id: draft.id },
    );
    expect(seen.presentation.status).toBe("SENT");
    expect(seen.presentation.lines.map((l) => l.offer.amount)).toEqual([
      offerPrice(a.basePrice, 1250),
      offerPrice(b.basePrice, 1250),
    ]);

    // The dealer puts the first line into a draft: the order is priced at the offer's price.
    const order = await ok<{ createDraft: { id: string } }>(dealer, "mutation { createDraft { id } }");
    await ok(dealer, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
      i: { orderId: order.createDraft.id, productId: a.id, quantity: 4 },
    });
    const priced = await ok<{ order: { lines: { product: { id: string }; unitPrice: { amount: number } }[] } }>(
      dealer,
      "query($id: ID!) { order(id: $id) { lines { product { id } unitPrice { amount } } } }",
      { id: order.createDraft.id },
    );
    expect(priced.order.lines).toEqual([
      { product: { id: a.id }, unitPrice: { amount: offerPrice(a.basePrice, 1250) } },
    ]);

    // Another company of the tenant sees neither the list entry nor the offer.
    const catalogUrl = `${stack.urls.catalog}/graphql`;
    const other = await callSubgraph<{ presentations: unknown[]; presentation: unknown }>(
      catalogUrl,
      stack.internalTokenSecret,
      dealerActor(t.id, "cmp_someone_else"),
      "query($id: ID!) { presentations { id } presentation(id: $id) { id } }",
      { id: draft.id },
    );
    expect(other.data).toEqual({ presentations: [], presentation: null });

    // Identity's company mail is for services only.
    const direct = await gql(
      dealer,
      `mutation { mailDealerCompany(input: { companyId: "${companyId}", subject: "x", text: "x", path: "/" }) }`,
    );
    expect(direct.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a draft can be deleted, a sent one cannot; a tenant without presentations refuses them", async () => {
    const t = withFeature();
    const slug = t.definition.slug;
    const manager = await login(`manager@${slug}.demo`, slug);
    const [p] = t.products;
    const companyId = stack.dataset.memberships.find((m) => m.tenantId === t.id && m.companyId)?.companyId;
    const input = {
      companyId,
      title: "Черновик",
      discountPercent: 0,
      validUntil: "2099-01-01",
      lines: [] as unknown[],
    };
    const saved = await ok<{ savePresentation: Presentation }>(manager, SAVE, {
      i: { ...input, lines: [{ article: p?.article, quantity: 1 }] },
    });
    const DELETE = "mutation($id: ID!) { deletePresentation(id: $id) }";
    expect(await ok(manager, DELETE, { id: saved.savePresentation.id })).toEqual({ deletePresentation: true });
    expect(await ok(manager, DELETE, { id: saved.savePresentation.id })).toEqual({ deletePresentation: false });

    const q = withoutFeature();
    const qSlug = q.definition.slug;
    const qManager = await login(`manager@${qSlug}.demo`, qSlug);
    const flag = await ok<{ viewer: { tenant: { presentationsEnabled: boolean } } }>(
      qManager,
      "{ viewer { tenant { presentationsEnabled } } }",
    );
    expect(flag.viewer.tenant.presentationsEnabled).toBe(false);
    const qCompany = stack.dataset.memberships.find((m) => m.tenantId === q.id && m.companyId)?.companyId;
    const refused = await ok<{ savePresentation: PresentationError }>(qManager, SAVE, {
      i: { ...input, companyId: qCompany, lines: [{ article: q.products[0]?.article, quantity: 1 }] },
    });
    expect(refused.savePresentation).toMatchObject({ code: "PRESENTATIONS_DISABLED" });
  });
});
