import { startTestSmtpServer, type TestSmtpServer } from "@dpp/mail/testing";
import { demoTenant } from "@dpp/seed";
import { postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Shipments and readiness reports on the whole platform: a dealer submits a real order, the ERP
 * (a manager's session here) reports where its lines stand and records a waybill; orders is asked
 * whose the orders are; the dealer's subscribed users get the mail over real SMTP; the reports
 * and their Excel files show what the dealer would read.
 */
let stack: Stack;
let smtp: TestSmtpServer;
const PORTAL = "http://portal.test";

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({ smtpUrl: smtp.url, portalUrl: PORTAL });
}, 240_000);
afterAll(async () => {
  await stack?.stop();
  await smtp?.close();
});

type Result<T> = { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
const call = <T>(token: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL<T>(stack.gatewayUrl, query, variables, { authorization: `Bearer ${token}` }) as Promise<Result<T>>;
async function gql<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await call<T>(token, query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

async function login(email: string, slug: string): Promise<string> {
  const user = stack.dataset.users.find((u) => u.email === email);
  const res = await postGraphQL<{ login: { accessToken?: string } }>(
    stack.gatewayUrl,
    `mutation($input: LoginInput!) { login(input: $input) { ... on Session { accessToken } } }`,
    { input: { email, password: user?.password, tenantSlug: slug } },
  );
  const token = res.data?.login.accessToken;
  if (!token) throw new Error(`no session for ${email}: ${JSON.stringify(res)}`);
  return token;
}

/** A submitted order of the dealer with these products (quantities rounded to the pack). */
async function submitOrder(token: string, lines: { article: string; quantity: number }[]): Promise<string> {
  const draft = await gql<{ createDraft: { id: string } }>(token, "mutation { createDraft { id } }");
  for (const l of lines) {
    await gql(token, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
      i: { orderId: draft.createDraft.id, ...l },
    });
  }
  // The buyer: the company's first counterparty (the tenant's checkout asks for one).
  const me = await gql<{ viewer: { company: { counterparties: { id: string }[] } } }>(
    token,
    "{ viewer { company { counterparties { id } } } }",
  );
  const checkout = { counterpartyId: me.viewer.company.counterparties[0]?.id, confirmed: true };
  const sent = await gql<{ submitOrder: { id?: string; code?: string; message?: string } }>(
    token,
    `mutation($id: ID!, $c: CheckoutInput) { submitOrder(orderId: $id, checkout: $c) {
      ... on Order { id } ... on OrderError { code message } } }`,
    { id: draft.createDraft.id, c: checkout },
  );
  if (!sent.submitOrder.id) throw new Error(`not submitted: ${sent.submitOrder.code} ${sent.submitOrder.message}`);
  return sent.submitOrder.id;
}

const CREATE = `mutation($input: CreateWaybillInput!) { createShipment(input: $input) {
  __typename ... on Waybill { id number companyId amount { amount currency } orderIds lines { orderId productId quantity } }
  ... on WaybillError { message problems { row message } } } }`;
const READINESS = `mutation($rows: [OrderLineReadinessInput!]!) { setOrderLineReadiness(rows: $rows) {
  applied rows changed errors { row code message } } }`;

describe("shipments and readiness reports", () => {
  let keaz: ReturnType<typeof demoTenant<Stack["dataset"]["tenants"][number]>>;
  let dealer: string;
  let manager: string;
  let otherDealer: string;
  let orderId: string;
  let otherOrderId: string;
  let products: { id: string; article: string; packMultiple: number; name: string }[];
  let shipmentId: string;

  beforeAll(async () => {
    keaz = demoTenant(stack.dataset, "keaz");
    const slug = keaz.definition.slug;
    [dealer, manager, otherDealer] = await Promise.all([
      login(`dealer@${slug}.demo`, slug),
      login(`manager@${slug}.demo`, slug),
      login("dealer@multibrand.demo", slug),
    ]);
    products = keaz.products.filter((p) => !p.discontinued).slice(0, 2);
    orderId = await submitOrder(
      dealer,
      products.map((p) => ({ article: p.article, quantity: p.packMultiple * 5 })),
    );
    otherOrderId = await submitOrder(otherDealer, [
      { article: products[0]?.article ?? "", quantity: products[0]?.packMultiple ?? 1 },
    ]);
  }, 60_000);

  it("the ERP reports where lines stand, all rows or none; a repeat changes nothing", async () => {
    const [a, b] = products;
    if (!a || !b) throw new Error("demo tenant lacks two products");
    const warehouse = keaz.warehouses[0];
    const bad = await gql<{ setOrderLineReadiness: unknown }>(manager, READINESS, {
      rows: [
        { orderId, productId: a.id, status: "IN_STOCK", warehouseCode: "NOPE" },
        { orderId: "ord_missing", productId: a.id, status: "PRODUCTION" },
        { orderId, productId: "prd_missing", status: "PRODUCTION" },
        { orderId, productId: b.id, status: "IN_TRANSIT", readyDate: "2026-13-01", readyQuantity: -1 },
        { orderId, productId: a.id, status: "IN_STOCK" },
      ],
    });
    expect(bad.setOrderLineReadiness).toMatchObject({
      applied: false,
      rows: 5,
      changed: 0,
      errors: [
        { row: 1, code: "UNKNOWN_WAREHOUSE" },
        { row: 2, code: "UNKNOWN_ORDER" },
        { row: 3, code: "UNKNOWN_LINE" },
        { row: 4, code: "INVALID_QUANTITY" },
        { row: 4, code: "INVALID_DATE", message: "Дата готовности должна быть в виде ГГГГ-ММ-ДД: 2026-13-01" },
        { row: 5, code: "DUPLICATE_ROW", message: "Заказ и товар уже были в строке 1" },
      ],
    });
    const rows = [
      {
        orderId,
        productId: a.id,
        status: "IN_STOCK",
        readyQuantity: a.packMultiple * 3,
        guaranteedDate: "2026-11-30",
        readyDate: "2026-11-25",
        warehouseCode: warehouse?.code,
      },
      { orderId, productId: b.id, status: "PRODUCTION", guaranteedDate: "2026-12-15" },
    ];
    const ok = await gql<{ setOrderLineReadiness: unknown }>(manager, READINESS, { rows });
    expect(ok.setOrderLineReadiness).toEqual({ applied: true, rows: 2, changed: 2, errors: [] });
    const again = await gql<{ setOrderLineReadiness: unknown }>(manager, READINESS, { rows });
    expect(again.setOrderLineReadiness).toEqual({ applied: true, rows: 2, changed: 0, errors: [] });
    const refused = await call(dealer, READINESS, { rows });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a waybill takes one buyer's existing orders, sums them, and mails the subscribed users", async () => {
    const [a] = products;
    if (!a) throw new Error("no product");
    const on = await gql<{ setShipmentNotifications: boolean }>(
      dealer,
      "mutation { setShipmentNotifications(enabled: true) }",
    );
    expect(on.setShipmentNotifications).toBe(true);
    expect(
      (await gql<{ shipmentNotifications: boolean }>(dealer, "{ shipmentNotifications }")).shipmentNotifications,
    ).toBe(true);
    const base = {
      date: "2026-11-24",
      consignee: "ООО «Электромонтаж»",
      address: "Курск, ул. Заводская, 1",
      deliveryMethod: "Транспортная компания",
    };

    const mixed = await gql<{ createShipment: unknown }>(manager, CREATE, {
      input: {
        ...base,
        number: "РН-1",
        lines: [
          { orderId, productId: a.id, quantity: 1 },
          { orderId: otherOrderId, productId: a.id, quantity: 1 },
          { orderId: "ord_missing", productId: a.id, quantity: 1 },
        ],
      },
    });
    expect(mixed.createShipment).toMatchObject({
      __typename: "WaybillError",
      problems: [
        { row: 2, message: expect.stringContaining("другого покупателя") },
        { row: 3, message: "Заказ ord_missing не найден" },
      ],
    });

    const quantity = a.packMultiple * 2;
    const res = await gql<{ createShipment: { id: string; amount: { amount: number }; companyId: string } }>(
      manager,
      CREATE,
      { input: { ...base, number: "РН-2", lines: [{ orderId, productId: a.id, quantity }] } },
    );
    expect(res.createShipment).toMatchObject({ __typename: "Waybill", number: "РН-2", orderIds: [orderId] });
    shipmentId = res.createShipment.id;
    const order = await gql<{ order: { lines: { product: { id: string }; unitPrice: { amount: number } }[] } }>(
      dealer,
      `query($id: ID!) { order(id: $id) { lines { product { id } unitPrice { amount } } } }`,
      { id: orderId },
    );
    const unit = order.order.lines.find((l) => l.product.id === a.id)?.unitPrice.amount ?? 0;
    expect(res.createShipment.amount.amount).toBe(unit * quantity);

    // Other mails (the order's acceptance) arrive too: wait for this one.
    const isNotice = (m: { subject: string }) => m.subject.startsWith("Уведомление об отгрузке");
    for (let i = 0; i < 200 && !smtp.messages.some(isNotice); i++) await new Promise((r) => setTimeout(r, 100));
    const notices = smtp.messages.filter(isNotice);
    expect(notices).toHaveLength(1);
    const [mail] = notices;
    const dealerEmail = `dealer@${keaz.definition.slug}.demo`;
    const company = stack.dataset.companies.find((c) => c.id === res.createShipment.companyId);
    expect(mail?.envelope.to).toEqual([dealerEmail]);
    expect(mail?.subject).toBe("Уведомление об отгрузке товаров: накладная № РН-2");
    const text = (mail?.text ?? "").replaceAll("\u00a0", " ").replaceAll("\u202f", " ");
    expect(text).toContain("по накладной № РН-2 от 24.11.2026");
    expect(text).toContain(`Покупатель: ${company?.name}`);
    expect(text).toContain("Грузополучатель: ООО «Электромонтаж»");
    expect(text).toContain("Адрес доставки: Курск, ул. Заводская, 1");
    expect(text).toContain("Способ доставки: Транспортная компания");
    expect(text).toMatch(/Сумма: [\d ]+,\d\d ₽/);
    expect(text).toContain(`Накладная: ${PORTAL}/shipments/${shipmentId}`);
  });

  it("dealers see their own company's shipments only", async () => {
    const mine = await gql<{ shipments: { number: string }[]; shipment: { number: string } | null }>(
      dealer,
      `query($id: ID!) { shipments { number } shipment(id: $id) { number } }`,
      { id: shipmentId },
    );
    expect(mine).toEqual({ shipments: [{ number: "РН-2" }], shipment: { number: "РН-2" } });
    const other = await gql<{ shipments: unknown[]; shipment: unknown }>(
      otherDealer,
      `query($id: ID!) { shipments { number } shipment(id: $id) { number } }`,
      { id: shipmentId },
    );
    expect(other).toEqual({ shipments: [], shipment: null });
  });

  it("order and product readiness show ordered, left to ship, ready and in shipment; Excel reads back", async () => {
    const [a, b] = products;
    if (!a || !b) throw new Error("no products");
    const report = await gql<{
      orderReadiness: { orders: { order: { id: string }; ordered: number; lines: Record<string, unknown>[] }[] };
    }>(
      dealer,
      `{ orderReadiness { ... on OrderReadinessReport { orders { order { id } ordered leftToShip ready inShipment
        lines { product { id } article ordered leftToShip ready inShipment } } } } }`,
    );
    const p = a.packMultiple;
    expect(report.orderReadiness.orders).toEqual([
      {
        order: { id: orderId },
        ordered: 5 * p + 5 * b.packMultiple,
        leftToShip: 3 * p + 5 * b.packMultiple,
        ready: p,
        inShipment: 2 * p,
        lines: [
          { product: { id: a.id }, article: a.article, ordered: 5 * p, leftToShip: 3 * p, ready: p, inShipment: 2 * p },
          {
            product: { id: b.id },
            article: b.article,
            ordered: 5 * b.packMultiple,
            leftToShip: 5 * b.packMultiple,
            ready: 0,
            inShipment: 0,
          },
        ],
      },
    ]);
    const products_ = await gql<{ productReadiness: { lines: Record<string, unknown>[] } }>(
      dealer,
      `query($f: ReadinessFilterInput) { productReadiness(filter: $f) { ... on ProductReadinessReport { lines {
        article status statusLabel guaranteedDate readyDate warehouse { code } leftToShip } } } }`,
      { f: { statuses: ["PRODUCTION"] } },
    );
    expect(products_.productReadiness.lines).toEqual([
      {
        article: b.article,
        status: "PRODUCTION",
        statusLabel: "В производстве",
        guaranteedDate: "2026-12-15",
        readyDate: null,
        warehouse: null,
        leftToShip: 5 * b.packMultiple,
      },
    ]);
    const badFilter = await gql<{ productReadiness: unknown }>(
      dealer,
      `{ productReadiness(filter: { from: "2026-12-01", to: "2026-11-01" }) { ... on ReadinessFilterError { code message } } }`,
    );
    expect(badFilter.productReadiness).toEqual({ code: "INVALID_FILTER", message: "Начало периода позже его конца" });
    const others = await gql<{ orderReadiness: { orders: unknown[] } }>(
      otherDealer,
      "{ orderReadiness { ... on OrderReadinessReport { orders { number } } } }",
    );
    expect(others.orderReadiness.orders).toEqual([]);

    const file = await gql<{ readinessExport: { fileName: string; contentBase64: string } }>(
      dealer,
      `{ readinessExport(report: PRODUCTS) { ... on ExportedFile { fileName contentBase64 } } }`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.readinessExport.contentBase64, "base64") as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      "Заказ",
      "Наименование",
      "Артикул",
      "Кол-во",
      "Стоимость, ₽",
      "Статус",
      "Гарантированная дата",
      "Дата готовности к отгрузке",
      "Склад",
    ]);
    expect(rows.slice(1).map((r) => [r[2], r[3], r[5], r[6], r[8]])).toEqual([
      [a.article, 5 * p, "На складе", "2026-11-30", keaz.warehouses[0]?.name],
      [b.article, 5 * b.packMultiple, "В производстве", "2026-12-15", ""],
    ]);
    const orders = await gql<{ readinessExport: { contentBase64: string } }>(
      dealer,
      `{ readinessExport(report: ORDERS) { ... on ExportedFile { contentBase64 } } }`,
    );
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load(Buffer.from(orders.readinessExport.contentBase64, "base64") as unknown as ArrayBuffer);
    const first = book2.worksheets[0]?.getRow(2).values as unknown[];
    expect(first.slice(2)).toEqual([a.article, a.name, 5 * p, 3 * p, p, 2 * p]);
  });

  it("refuses a restock subscription to a product the catalog does not have", async () => {
    const res = await call(dealer, `mutation { subscribeToRestock(productId: "prd_nope") }`);
    expect(res.errors?.[0]).toMatchObject({
      message: "Товар prd_nope не найден",
      extensions: { code: "BAD_USER_INPUT" },
    });
  });
});
