import { startTestSmtpServer, type TestSmtpServer } from "@dpp/mail/testing";
import { demoTenant } from "@dpp/seed";
import { postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Feedback tickets (spectr's «Обратная связь») through the real gateway, each side mailed over a
 * real SMTP server on the other's message: refusals name the fields and save nothing, a dealer's
 * ticket reaches the supplier, replies go both ways, closing and reopening, the history records
 * the mails, and nobody outside the company or the tenant sees the ticket.
 */
let stack: Stack;
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({ smtpUrl: smtp.url, portalUrl: "http://portal.test" });
});
afterAll(async () => {
  await stack?.stop();
  await smtp?.close();
});

async function login(email: string, slug: string) {
  const password = stack.dataset.users.find((u) => u.email === email)?.password;
  const res = await postGraphQL<{ login: { accessToken?: string } }>(
    stack.gatewayUrl,
    "mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }",
    { i: { email, password, tenantSlug: slug } },
  );
  const token = res.data?.login.accessToken;
  if (!token) throw new Error(`login ${email}: ${JSON.stringify(res)}`);
  return token;
}
async function gql<T>(token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await postGraphQL<T>(stack.gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
  if (res.errors) throw new Error(res.errors.map((e) => e.message).join("; "));
  return res.data as T;
}
async function mailTo(to: string, subject: string) {
  const end = Date.now() + 15_000;
  for (;;) {
    const m = smtp.messages.find((x) => x.envelope.to.includes(to) && x.subject === subject);
    if (m) return m;
    if (Date.now() > end) throw new Error(`no mail to ${to}: ${subject}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const TICKET = `id number subject status manager { email } author { email } company { name }
  messages { side body author { email } }`;
const RESULT = `__typename ... on Ticket { ${TICKET} } ... on TicketError { code message fields { field message } }`;
interface TicketView {
  __typename: string;
  id: string;
  number: number;
  status: string;
  manager: { email: string } | null;
  messages: { side: string; body: string; author: { email: string } }[];
  code?: string;
  fields?: { field: string; message: string }[];
}

describe("feedback tickets", () => {
  it("a dealer opens a ticket, the manager answers, each side is mailed, closed and reopened", async () => {
    const spectr = demoTenant(stack.dataset, "spectr");
    const dealer = await login("dealer@spectr.demo", "spectr");
    const manager = await login("manager@spectr.demo", "spectr");
    const OPEN = `mutation($i: OpenTicketInput!) { openTicket(input: $i) { ${RESULT} } }`;

    const bad = await gql<{ openTicket: TicketView }>(dealer, OPEN, { i: { subject: "Ок", body: " " } });
    expect(bad.openTicket).toMatchObject({ __typename: "TicketError", code: "VALIDATION" });
    expect(bad.openTicket.fields).toEqual([
      { field: "subject", message: "Укажите тему (не короче 3 символов)" },
      { field: "body", message: "Напишите сообщение" },
    ]);
    expect((await gql<{ tickets: unknown[] }>(dealer, "{ tickets { id } }")).tickets).toEqual([]);

    const opened = (
      await gql<{ openTicket: TicketView }>(dealer, OPEN, {
        i: { subject: "Сертификаты на Hikvision", body: "Пришлите, пожалуйста, сертификаты соответствия." },
      })
    ).openTicket;
    expect(opened).toMatchObject({ __typename: "Ticket", number: 1, status: "OPEN", manager: null });
    // Nobody answers it yet: the supplier's contact address hears of it.
    const toSupplier = await mailTo(
      spectr.definition.contactEmail,
      `${spectr.definition.name}: обратная связь — тикет № 1`,
    );
    expect(toSupplier.text).toContain("«Сертификаты на Hikvision»");
    expect(toSupplier.text).toContain(`http://portal.test/staff/tickets/${opened.id}`);

    const staffList = await gql<{ tickets: { id: string }[] }>(manager, "{ tickets(status: OPEN) { id } }");
    expect(staffList.tickets.map((t) => t.id)).toContain(opened.id);
    const POST = `mutation($t: ID!, $b: String!) { postTicketMessage(ticketId: $t, body: $b) { ${RESULT} } }`;
    const answered = (
      await gql<{ postTicketMessage: TicketView }>(manager, POST, { t: opened.id, b: "Отправила на почту, проверьте." })
    ).postTicketMessage;
    expect(answered.manager?.email).toBe("manager@spectr.demo");
    const toDealer = await mailTo(
      "dealer@spectr.demo",
      `${spectr.definition.name}: обратная связь — тикет № 1, новое сообщение`,
    );
    expect(toDealer.text).toContain("Отправила на почту, проверьте.");
    expect(toDealer.text).toContain(`http://portal.test/support/${opened.id}`);

    await gql(dealer, POST, { t: opened.id, b: "Спасибо, получили!" });
    const toManager = await mailTo(
      "manager@spectr.demo",
      `${spectr.definition.name}: обратная связь — тикет № 1, новое сообщение`,
    );
    expect(toManager.text).toContain("Спасибо, получили!");

    const SET = `mutation($t: ID!, $s: TicketStatus!) { setTicketStatus(ticketId: $t, status: $s) { ${RESULT} } }`;
    expect(
      (await gql<{ setTicketStatus: TicketView }>(manager, SET, { t: opened.id, s: "CLOSED" })).setTicketStatus.status,
    ).toBe("CLOSED");
    expect((await gql<{ tickets: unknown[] }>(dealer, "{ tickets(status: OPEN) { id } }")).tickets).toEqual([]);
    const reopened = (await gql<{ postTicketMessage: TicketView }>(dealer, POST, { t: opened.id, b: "Еще вопрос." }))
      .postTicketMessage;
    expect(reopened.status).toBe("OPEN");
    expect(reopened.messages.map((m) => [m.side, m.author.email])).toEqual([
      ["DEALER", "dealer@spectr.demo"],
      ["MANAGER", "manager@spectr.demo"],
      ["DEALER", "dealer@spectr.demo"],
      ["DEALER", "dealer@spectr.demo"],
    ]);

    const history = await gql<{ history: { action: string; notifications: { to: string }[] }[] }>(
      dealer,
      '{ history(filter: { action: "ticket.message_added" }) { action notifications { to } } }',
    );
    expect(history.history.map((h) => h.notifications.map((n) => n.to))).toContainEqual(["dealer@spectr.demo"]);
  });

  it("refuses what is not the caller's: staff cannot open one, other tenants and empty messages", async () => {
    const dealer = await login("dealer@spectr.demo", "spectr");
    const manager = await login("manager@spectr.demo", "spectr");
    const [mine] = (await gql<{ tickets: { id: string }[] }>(dealer, "{ tickets { id } }")).tickets;
    const staffOpen = await postGraphQL(
      stack.gatewayUrl,
      'mutation { openTicket(input: { subject: "Тест", body: "Тест" }) { __typename } }',
      {},
      { authorization: `Bearer ${manager}` },
    );
    expect(staffOpen.errors?.[0]?.message).toBe("Тикет открывает дилер");
    const keaz = await login("dealer@keaz.demo", "keaz");
    const disabled = await gql<{ openTicket: TicketView }>(
      keaz,
      `mutation { openTicket(input: { subject: "Вопрос", body: "Текст" }) { ${RESULT} } }`,
    );
    expect(disabled.openTicket).toMatchObject({ code: "FEATURE_DISABLED" });
    expect(
      (await gql<{ ticket: unknown }>(keaz, "query($id: ID!) { ticket(id: $id) { id } }", { id: mine?.id })).ticket,
    ).toBeNull();
    const stranger = await gql<{ postTicketMessage: TicketView }>(
      keaz,
      `mutation($t: ID!) { postTicketMessage(ticketId: $t, body: "Чужой") { ${RESULT} } }`,
      { t: mine?.id },
    );
    expect(stranger.postTicketMessage).toMatchObject({ code: "NOT_FOUND", message: "Тикет не найден" });
    const empty = await gql<{ postTicketMessage: TicketView }>(
      dealer,
      `mutation($t: ID!) { postTicketMessage(ticketId: $t, body: "  ") { ${RESULT} } }`,
      { t: mine?.id },
    );
    expect(empty.postTicketMessage.code).toBe("VALIDATION");
  });
});
