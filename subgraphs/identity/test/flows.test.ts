import { startTestSmtpServer, type TestSmtpServer } from "@dpp/mail/testing";
import { postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Account flows end to end: through the real gateway, every subgraph running, mails read back
 * from a real SMTP server. Each registration mode is the tenant's configuration.
 */
let smtp: TestSmtpServer;
let stack: Stack;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({ smtpUrl: smtp.url });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await smtp?.close();
});

const DEMO = "Demo-2026";
// biome-ignore lint/suspicious/noExplicitAny: GraphQL responses are read field by field in assertions
type Data = Record<string, any>;

async function gql(query: string, variables: Record<string, unknown> = {}, auth?: string): Promise<Data> {
  const headers: Record<string, string> = auth ? { authorization: auth } : {};
  const res = await postGraphQL<Data>(stack.gatewayUrl, query, variables, headers);
  if (res.errors) throw new Error(`${res.status} ${JSON.stringify(res.errors)}`);
  return res.data ?? {};
}

const SESSION = `__typename ... on Session { accessToken refreshToken status permissions mustChangePassword tenant { slug } }
  ... on AuthError { code message }`;
async function login(email: string, password: string, tenantSlug?: string) {
  const d = await gql(`mutation($i: LoginInput!) { login(input: $i) { ${SESSION} } }`, {
    i: { email, password, tenantSlug },
  });
  return d.login;
}
const bearer = (s: { accessToken: string }) => `Bearer ${s.accessToken}`;
const RESULT = `__typename ... on Accepted { message } ... on AccountError { code message fields { field message } }`;

/** The next mail to `to` (waits for it), and the token of the first link in it. */
async function mailTo(to: string) {
  for (let i = 0; i < 100; i++) {
    const m = smtp.messages.find((x) => x.envelope.to.includes(to));
    if (m) {
      smtp.messages.splice(smtp.messages.indexOf(m), 1);
      const token = /token=([^&\s]+)/.exec(m.text)?.[1];
      return { ...m, token: token ? decodeURIComponent(token) : undefined };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to}; got ${smtp.messages.map((m) => m.envelope.to.join()).join("; ")}`);
}

describe("self-registration with approval (wasserkraft)", () => {
  const input = {
    tenantSlug: "wasserkraft",
    userName: "Сантехторг",
    legalName: "ООО «Сантехторг»",
    inn: "7707083893",
    kpp: "770701001",
    email: "Buyer@Santeh.test",
    managerEmail: "manager@wasserkraft.demo",
    password: "secret",
    passwordRepeat: "secret",
  };
  const REGISTER = `mutation($i: RegisterDealerInput!) { registerDealer(input: $i) { ${RESULT} } }`;

  it("names each bad field and saves nothing", async () => {
    const d = await gql(REGISTER, { i: { ...input, inn: "7707083894", kpp: "12", email: "x@" } });
    expect(d.registerDealer.code).toBe("VALIDATION");
    expect(d.registerDealer.fields).toEqual([
      { field: "inn", message: "Неверная контрольная сумма ИНН — проверьте цифры" },
      { field: "kpp", message: "КПП — 9 символов: 4 цифры, 2 цифры или заглавные буквы, 3 цифры" },
      { field: "email", message: "«x@» — не адрес электронной почты" },
    ]);
    expect(await login("x@", "secret", "wasserkraft")).toMatchObject({ code: "INVALID_CREDENTIALS" });
  });

  it("activation link → view-only → the manager approves → all functions", async () => {
    const d = await gql(REGISTER, { i: input });
    expect(d.registerDealer).toEqual({
      __typename: "Accepted",
      message: "Мы отправили письмо со ссылкой для активации на buyer@santeh.test",
    });
    const mail = await mailTo("buyer@santeh.test");
    expect(mail.subject).toBe("WasserKRAFT: подтвердите регистрацию");
    expect(await login("buyer@santeh.test", "secret")).toMatchObject({ code: "ACCOUNT_PENDING" });

    const ACTIVATE = `mutation($t: String!) { activateAccount(token: $t) { __typename ... on Activated { status message } ... on AccountError { code message } } }`;
    expect((await gql(ACTIVATE, { t: mail.token })).activateAccount).toMatchObject({
      __typename: "Activated",
      status: "view_only",
    });
    expect((await gql(ACTIVATE, { t: mail.token })).activateAccount).toEqual({
      __typename: "AccountError",
      code: "LINK_USED",
      message: "Ссылка уже была использована. Если это были не вы, запросите новую.",
    });
    const managerMail = await mailTo("manager@wasserkraft.demo");
    expect(managerMail.subject).toContain("новый дилер ждёт подтверждения — ООО «Сантехторг»");

    const viewOnly = await login("buyer@santeh.test", "secret");
    expect(viewOnly).toMatchObject({ __typename: "Session", status: "view_only", tenant: { slug: "wasserkraft" } });
    expect(viewOnly.permissions).not.toContain("orders.send");

    const manager = await login("manager@wasserkraft.demo", DEMO, "wasserkraft");
    const queue = await gql(`{ dealerApprovals { id email status } }`, {}, bearer(manager));
    const entry = queue.dealerApprovals.find((x: Data) => x.email === "buyer@santeh.test");
    expect(entry).toMatchObject({ status: "view_only" });
    const approved = await gql(
      `mutation($id: ID!) { setDealerStatus(membershipId: $id, action: approve) { __typename ... on CompanyUser { status manager { email } } } }`,
      { id: entry.id },
      bearer(manager),
    );
    expect(approved.setDealerStatus).toEqual({
      __typename: "CompanyUser",
      status: "active",
      manager: { email: "manager@wasserkraft.demo" },
    });
    expect((await mailTo("buyer@santeh.test")).subject).toBe("WasserKRAFT: регистрация подтверждена");
    const active = await login("buyer@santeh.test", "secret");
    expect(active).toMatchObject({ status: "active" });
    expect(active.permissions).toContain("orders.send");

    const history = await gql(`{ history { action actor notifications { to subject } } }`, {}, bearer(manager));
    const actions = history.history.map((e: Data) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["registration.submitted", "registration.activated", "dealer.approved"]),
    );
    const activated = history.history.find((e: Data) => e.action === "registration.activated");
    expect(activated.notifications[0].to).toBe("manager@wasserkraft.demo");
  });

  it("registering an existing e-mail answers the same and mails the owner instead", async () => {
    const d = await gql(REGISTER, { i: { ...input, email: "dealer@wasserkraft.demo" } });
    expect(d.registerDealer.message).toBe("Мы отправили письмо со ссылкой для активации на dealer@wasserkraft.demo");
    expect((await mailTo("dealer@wasserkraft.demo")).subject).toBe("WasserKRAFT: вы уже зарегистрированы");
  });
});

describe("e-mail first, then questionnaire (keaz)", () => {
  it("confirmation link → questionnaire with the 17 customer types → login", async () => {
    const start = await gql(`mutation($i: StartRegistrationInput!) { startRegistration(input: $i) { ${RESULT} } }`, {
      i: { tenantSlug: "keaz", email: "engineer@volt.test", acceptTerms: true },
    });
    expect(start.startRegistration.__typename).toBe("Accepted");
    const mail = await mailTo("engineer@volt.test");
    const info = await gql(
      `query($t: String!) { questionnaire(token: $t) { ... on QuestionnaireInfo { email customerTypes } } }`,
      { t: mail.token },
    );
    expect(info.questionnaire.email).toBe("engineer@volt.test");
    expect(info.questionnaire.customerTypes).toHaveLength(17);
    const COMPLETE = `mutation($i: CompleteRegistrationInput!) { completeRegistration(input: $i) { ${RESULT} } }`;
    const base = {
      token: mail.token,
      surname: "Иванов",
      givenName: "Иван",
      patronymic: "Иванович",
      customerType: "Проектировщик",
      acceptTerms: true,
      newsletter: true,
    };
    const weak = await gql(COMPLETE, { i: { ...base, password: "secret12", passwordRepeat: "secret12" } });
    expect(weak.completeRegistration.fields).toEqual([
      { field: "password", message: "Пароль должен содержать заглавные латинские буквы" },
    ]);
    const ok = await gql(COMPLETE, { i: { ...base, password: "Secret12", passwordRepeat: "Secret12" } });
    expect(ok.completeRegistration).toEqual({
      __typename: "Accepted",
      message: "Регистрация завершена. Войдите с вашим e-mail и паролем.",
    });
    expect(await login("engineer@volt.test", "Secret12", "keaz")).toMatchObject({
      __typename: "Session",
      status: "view_only",
    });
  });

  it("another tenant's registration mode is refused", async () => {
    const d = await gql(`mutation($i: StartRegistrationInput!) { startRegistration(input: $i) { ${RESULT} } }`, {
      i: { tenantSlug: "spectr", email: "a@b.test", acceptTerms: true },
    });
    expect(d.startRegistration.code).toBe("REGISTRATION_CLOSED");
  });
});

describe("manager invitation (spectr) and staff-created cabinets (vitup)", () => {
  it("the invited dealer gets a generated password and must change it first", async () => {
    const manager = await login("manager@spectr.demo", DEMO, "spectr");
    const d = await gql(
      `mutation($i: InviteDealerInput!) { inviteDealer(input: $i) { __typename ... on DealerInvited { message } ... on AccountError { code fields { field } } } }`,
      {
        i: {
          email: "guard@ohrana.test",
          fullName: "Охранов Олег",
          legalName: "ООО «Охрана»",
          inn: "7707083893",
          kpp: "770701001",
        },
      },
      bearer(manager),
    );
    expect(d.inviteDealer).toEqual({
      __typename: "DealerInvited",
      message: "Приглашение отправлено на guard@ohrana.test",
    });
    const mail = await mailTo("guard@ohrana.test");
    const password = /Пароль: (\S+)/.exec(mail.text)?.[1] ?? "";
    expect(password).toHaveLength(12);
    const first = await login("guard@ohrana.test", password, "spectr");
    expect(first).toMatchObject({ __typename: "Session", mustChangePassword: true });
    expect(first.permissions).not.toContain("orders.send");
    const changed = await gql(
      `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { ${RESULT} } }`,
      { i: { currentPassword: password, password: "newpass7", passwordRepeat: "newpass7" } },
      bearer(first),
    );
    expect(changed.changePassword).toEqual({ __typename: "Accepted", message: "Пароль изменён" });
    const next = await login("guard@ohrana.test", "newpass7", "spectr");
    expect(next).toMatchObject({ mustChangePassword: false, status: "active" });
    expect(next.permissions).toContain("orders.send");
  });

  it("a dealer cannot invite (staff only)", async () => {
    const dealer = await login("dealer@spectr.demo", DEMO, "spectr");
    const res = await postGraphQL(
      stack.gatewayUrl,
      `mutation { inviteDealer(input: {email: "z@z.test", fullName: "Z", legalName: "Z", inn: "7707083893"}) { __typename } }`,
      {},
      { authorization: bearer(dealer) },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("vitup staff create an outlet cabinet and hand over the login", async () => {
    const staff = await login("manager@vitup.demo", DEMO, "vitup");
    const d = await gql(
      `mutation($i: CreateOutletCabinetInput!) { createOutletCabinet(input: $i) { __typename ... on OutletCabinet { login temporaryPassword } ... on AccountError { code fields { field message } } } }`,
      {
        i: {
          contractNumber: "ДП-2026/17",
          outletName: "Магазин у дома",
          address: "г. Тула, ул. Ленина, 1",
          email: "shop17@outlet.test",
          phone: "+7 4872 11-22-33",
          fullName: "Петрова Анна",
          legalName: "ИП Петрова А. А.",
          inn: "500100732259",
        },
      },
      bearer(staff),
    );
    expect(d.createOutletCabinet).toMatchObject({ __typename: "OutletCabinet", login: "shop17@outlet.test" });
    const s = await login("shop17@outlet.test", d.createOutletCabinet.temporaryPassword, "vitup");
    expect(s).toMatchObject({ __typename: "Session", mustChangePassword: true });
  });
});

describe("recovery, lockout, sessions", () => {
  const RESET = `mutation($e: String!) { requestPasswordReset(tenantSlug: "keaz", email: $e) { ${RESULT} } }`;

  it("answers the same for known and unknown e-mails; the link works once and ends every session", async () => {
    const before = await login("dealer@keaz.demo", DEMO, "keaz");
    const known = await gql(RESET, { e: "dealer@keaz.demo" });
    const unknown = await gql(RESET, { e: "nobody@keaz.demo" });
    expect(unknown.requestPasswordReset.message.replace("nobody", "dealer")).toBe(known.requestPasswordReset.message);
    const mail = await mailTo("dealer@keaz.demo");
    expect(smtp.messages.some((m) => m.envelope.to.includes("nobody@keaz.demo"))).toBe(false);
    const NEW = `mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { ${RESULT} } }`;
    const ok = await gql(NEW, { i: { token: mail.token, password: "Newpass2026", passwordRepeat: "Newpass2026" } });
    expect(ok.resetPassword.__typename).toBe("Accepted");
    const again = await gql(NEW, { i: { token: mail.token, password: "Other2026x", passwordRepeat: "Other2026x" } });
    expect(again.resetPassword.code).toBe("LINK_USED");
    const refreshed = await gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { ${SESSION} } }`, {
      t: before.refreshToken,
    });
    expect(refreshed.refreshSession.code).toBe("SESSION_REVOKED");
    expect(await login("dealer@keaz.demo", "Newpass2026", "keaz")).toMatchObject({ __typename: "Session" });
  });

  it("locks an account out after 5 failures, even for the right password, without revealing it exists", async () => {
    for (let i = 0; i < 5; i++) {
      const r = await login("dealer@autoparts.demo", "wrong", "autoparts");
      expect(r.code).toBe(i < 4 ? "INVALID_CREDENTIALS" : "TOO_MANY_ATTEMPTS");
    }
    expect(await login("dealer@autoparts.demo", DEMO, "autoparts")).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    for (let i = 0; i < 5; i++) await login("ghost@autoparts.demo", "wrong", "autoparts");
    expect(await login("ghost@autoparts.demo", "wrong", "autoparts")).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
  });

  it("log out everywhere ends every refresh token", async () => {
    const a = await login("dealer@multibrand.demo", DEMO, "keaz");
    const b = await login("dealer@multibrand.demo", DEMO, "wasserkraft");
    const n = await gql(`mutation { logoutEverywhere }`, {}, bearer(a));
    expect(n.logoutEverywhere).toBeGreaterThanOrEqual(2);
    for (const s of [a, b]) {
      const r = await gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { ${SESSION} } }`, {
        t: s.refreshToken,
      });
      expect(r.refreshSession.code).toBe("SESSION_REVOKED");
    }
  });
});

describe("API keys through the gateway", () => {
  it("a key acts with a subset of its creator's rights; a bad key is refused", async () => {
    const dealer = await login("dealer@wasserkraft.demo", DEMO, "wasserkraft");
    const over = await gql(
      `mutation { createApiKey(input: {name: "1С", permissions: ["orders.send", "orders.everything"]}) { __typename ... on AccountError { code message } } }`,
      {},
      bearer(dealer),
    );
    expect(over.createApiKey).toEqual({
      __typename: "AccountError",
      code: "VALIDATION",
      message: "Нет таких прав: orders.everything",
    });
    const made = await gql(
      `mutation { createApiKey(input: {name: "1С", permissions: ["stock.view"]}) { __typename ... on CreatedApiKey { key apiKey { id name permissions } } } }`,
      {},
      bearer(dealer),
    );
    const key: string = made.createApiKey.key;
    expect(key.startsWith("dppk_ten_wasserkraft.")).toBe(true);
    const headerSets: Record<string, string>[] = [{ authorization: `ApiKey ${key}` }, { "x-api-key": key }];
    for (const headers of headerSets) {
      const res = await postGraphQL<Data>(
        stack.gatewayUrl,
        `{ viewer { user { email } tenant { slug } permissions } }`,
        {},
        headers,
      );
      expect(res.data?.viewer).toEqual({
        user: { email: "dealer@wasserkraft.demo" },
        tenant: { slug: "wasserkraft" },
        permissions: ["stock.view"],
      });
    }
    const list = await gql(`{ apiKeys { name lastUsedAt } }`, {}, bearer(dealer));
    expect(list.apiKeys[0].lastUsedAt).not.toBeNull();
    const bad = await postGraphQL(
      stack.gatewayUrl,
      `{ viewer { user { email } } }`,
      {},
      { authorization: `ApiKey ${key.slice(0, -2)}xx` },
    );
    expect(bad.status).toBe(401);
  });

  it("identity's key route refuses callers without the gateway's proof", async () => {
    const res = await fetch(`${stack.urls.identity}/internal/api-keys/verify`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(401);
  });
});
