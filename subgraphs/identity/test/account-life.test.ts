import { type Actor, INTERNAL_TOKEN_HEADER, signInternalToken } from "@dpp/auth";
import { startTestSmtpServer, type TestSmtpServer } from "@dpp/mail/testing";
import { demoTenant } from "@dpp/seed";
import { postGraphQL, TEST_INTERNAL_SECRET } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Account life through the gateway with mails from a real SMTP server: e-mail change (code to the
 * old address + link to the new), profile, "request a data change", users and rights (add,
 * change, detach), blocking and personal managers, signing-key rotation.
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
// biome-ignore lint/suspicious/noExplicitAny: GraphQL answers are read field by field
type Data = Record<string, any>;

async function gql(query: string, variables: Record<string, unknown> = {}, auth?: string): Promise<Data> {
  const res = await postGraphQL<Data>(stack.gatewayUrl, query, variables, auth ? { authorization: auth } : {});
  if (res.errors) throw new Error(`${res.status} ${JSON.stringify(res.errors)}`);
  return res.data ?? {};
}
async function login(email: string, password: string, tenantSlug: string) {
  const d = await gql(
    `mutation($i: LoginInput!) { login(input: $i) { __typename ... on Session { accessToken refreshToken permissions user { id } } ... on AuthError { code message } } }`,
    { i: { email, password, tenantSlug } },
  );
  return d.login;
}
const bearer = (s: { accessToken: string }) => `Bearer ${s.accessToken}`;
const RESULT = `__typename ... on Accepted { message } ... on AccountError { code message fields { field message } }`;
const CU = `__typename ... on CompanyUser { id email role permissions status manager { email } } ... on AccountError { code message fields { field message } }`;

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
  throw new Error(`no mail to ${to}`);
}

describe("e-mail change (keaz): a code to the old address and a link to the new one", () => {
  it("needs both; a wrong code changes nothing; afterwards the new address logs in", async () => {
    const s = await login("dealer@keaz.demo", DEMO, "keaz");
    const bad = await gql(`mutation { requestEmailChange(newEmail: "not-an-email") { ${RESULT} } }`, {}, bearer(s));
    expect(bad.requestEmailChange).toMatchObject({ code: "VALIDATION", fields: [{ field: "newEmail" }] });
    const r = await gql(
      `mutation { requestEmailChange(newEmail: "new.keaz@example.test") { ${RESULT} } }`,
      {},
      bearer(s),
    );
    expect(r.requestEmailChange.__typename).toBe("Accepted");
    const code = /Код подтверждения: (\S+)/.exec((await mailTo("dealer@keaz.demo")).text)?.[1] ?? "";
    const link = await mailTo("new.keaz@example.test");
    expect(code).toMatch(/^\d{6}$/);
    const CONFIRM = `mutation($i: ConfirmEmailChangeInput!) { confirmEmailChange(input: $i) { ${RESULT} } }`;
    const wrong = await gql(CONFIRM, { i: { token: link.token, code: code === "000000" ? "111111" : "000000" } });
    expect(wrong.confirmEmailChange).toMatchObject({ code: "WRONG_CODE", fields: [{ field: "code" }] });
    expect((await login("dealer@keaz.demo", DEMO, "keaz")).__typename).toBe("Session");
    const done = await gql(CONFIRM, { i: { token: link.token, code } });
    expect(done.confirmEmailChange.__typename).toBe("Accepted");
    expect(await login("dealer@keaz.demo", DEMO, "keaz")).toMatchObject({ code: "INVALID_CREDENTIALS" });
    expect((await login("new.keaz@example.test", DEMO, "keaz")).__typename).toBe("Session");
    // The link is single use.
    expect((await gql(CONFIRM, { i: { token: link.token, code } })).confirmEmailChange.code).toBe("LINK_USED");
  });
});

describe("profile and data change requests", () => {
  it("saves every profile part, refuses a bad phone naming the line and saves nothing then", async () => {
    const s = await login("dealer@wasserkraft.demo", DEMO, "wasserkraft");
    const UPDATE = `mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { __typename ... on User { fullName profile { surname givenName patronymic phones region birthDate extraEmails } } ... on AccountError { code fields { field message } } } }`;
    const bad = await gql(UPDATE, { i: { region: "Тула", phones: ["+7 495 123-45-67", "12"] } }, bearer(s));
    expect(bad.updateProfile).toMatchObject({ code: "VALIDATION", fields: [{ field: "phones.1" }] });
    const input = {
      surname: "Иванов",
      givenName: "Иван",
      patronymic: "Петрович",
      phones: ["+7 495 123-45-67"],
      region: "Москва",
      birthDate: "1980-12-31",
      extraEmails: ["Buh@Akvamir.test"],
    };
    const ok = await gql(UPDATE, { i: input }, bearer(s));
    expect(ok.updateProfile).toEqual({
      __typename: "User",
      fullName: "Иванов Иван Петрович",
      profile: { ...input, extraEmails: ["buh@akvamir.test"] },
    });
  });

  it("a data change request reaches the tenant's contact and the history", async () => {
    const s = await login("dealer@wasserkraft.demo", DEMO, "wasserkraft");
    const short = await gql(`mutation { requestDataChange(message: "да") { ${RESULT} } }`, {}, bearer(s));
    expect(short.requestDataChange).toMatchObject({ code: "VALIDATION", fields: [{ field: "message" }] });
    const r = await gql(
      `mutation { requestDataChange(message: "Новый юридический адрес: Москва, ул. Льва Толстого, 16") { ${RESULT} } }`,
      {},
      bearer(s),
    );
    expect(r.requestDataChange).toEqual({ __typename: "Accepted", message: "Запрос отправлен вашему менеджеру" });
    const tenant = demoTenant(stack.dataset, "wasserkraft");
    const mail = await mailTo(tenant?.definition.contactEmail ?? "");
    expect(mail.text).toContain("Льва Толстого, 16");
    const h = await gql(
      `query { history(filter: { action: "profile.data_change_requested" }) { notifications { to } } }`,
      {},
      bearer(s),
    );
    expect(h.history[0].notifications).toEqual([{ to: tenant?.definition.contactEmail }]);
  });
});

describe("users and rights (dealer admin)", () => {
  it("adds a user by e-mail with rights, changes them, detaches the user; unknown rights refused", async () => {
    const admin = await login("dealer@autoparts.demo", DEMO, "autoparts");
    const ADD = `mutation($i: AddCompanyUserInput!) { addCompanyUser(input: $i) { ${CU} } }`;
    const beyond = await gql(
      ADD,
      { i: { email: "clerk@autoservice.test", permissions: ["orders.everything"], dealerAdmin: false } },
      bearer(admin),
    );
    expect(beyond.addCompanyUser).toMatchObject({ code: "VALIDATION", fields: [{ field: "permissions" }] });
    const added = await gql(
      ADD,
      { i: { email: "clerk@autoservice.test", permissions: ["orders.send"], dealerAdmin: false } },
      bearer(admin),
    );
    expect(added.addCompanyUser).toMatchObject({
      email: "clerk@autoservice.test",
      role: "dealer",
      permissions: ["orders.send"],
      status: "active",
    });
    const password = /Пароль: (\S+)/.exec((await mailTo("clerk@autoservice.test")).text)?.[1] ?? "";
    const clerk = await login("clerk@autoservice.test", password, "autoparts");
    expect(clerk.__typename).toBe("Session");

    const SET = `mutation($i: SetCompanyUserRightsInput!) { setCompanyUserRights(input: $i) { ${CU} } }`;
    const id = added.addCompanyUser.id;
    const changed = await gql(
      SET,
      { i: { membershipId: id, permissions: ["finance.view"], dealerAdmin: false } },
      bearer(admin),
    );
    expect(changed.setCompanyUserRights).toMatchObject({ permissions: ["finance.view"] });
    // A refreshed session carries the new rights.
    const refreshed = await gql(
      `mutation($r: String!) { refreshSession(refreshToken: $r) { ... on Session { permissions } } }`,
      { r: clerk.refreshToken },
    );
    // Until the generated password is changed the session keeps reading rights only.
    expect(refreshed.refreshSession.permissions).toEqual(["finance.view"]);

    const DETACH = `mutation($i: DetachCompanyUserInput!) { detachCompanyUser(input: $i) { ${RESULT} } }`;
    const self = await gql(`query { companyUsers { id email } }`, {}, bearer(admin));
    const mine = self.companyUsers.find((u: { email: string }) => u.email === "dealer@autoparts.demo").id;
    expect((await gql(DETACH, { i: { membershipId: mine } }, bearer(admin))).detachCompanyUser.code).toBe("VALIDATION");
    const detached = await gql(DETACH, { i: { membershipId: id } }, bearer(admin));
    expect(detached.detachCompanyUser).toEqual({
      __typename: "Accepted",
      message: "Пользователь отключён от компании",
    });
    const after = await gql(`query { companyUsers { email } }`, {}, bearer(admin));
    expect(after.companyUsers.map((u: { email: string }) => u.email)).not.toContain("clerk@autoservice.test");
    expect(await login("clerk@autoservice.test", password, "autoparts")).toMatchObject({ code: "INVALID_CREDENTIALS" });
  });
});

describe("staff: block, unblock, personal manager", () => {
  it("a blocked dealer has no session and its refresh tokens stop; unblocking restores login", async () => {
    const dealer = await login("dealer@vitup.demo", DEMO, "vitup");
    const manager = await login("manager@vitup.demo", DEMO, "vitup");
    const users = await gql(`query { companyUsers { id email } }`, {}, bearer(dealer));
    const id = users.companyUsers[0].id;
    const STATUS = `mutation($m: ID!, $a: DealerStatusAction!) { setDealerStatus(membershipId: $m, action: $a) { ${CU} } }`;
    const blocked = await gql(STATUS, { m: id, a: "block" }, bearer(manager));
    expect(blocked.setDealerStatus).toMatchObject({ status: "blocked" });
    expect(await login("dealer@vitup.demo", DEMO, "vitup")).toMatchObject({ code: "ACCOUNT_BLOCKED" });
    const refresh = await gql(
      `mutation($r: String!) { refreshSession(refreshToken: $r) { __typename ... on AuthError { code } } }`,
      { r: dealer.refreshToken },
    );
    expect(refresh.refreshSession.__typename).toBe("AuthError");
    // The queue shows blocked dealers; approving a blocked one is not a thing.
    const queue = await gql(`query { dealerApprovals { id status } }`, {}, bearer(manager));
    expect(queue.dealerApprovals).toContainEqual({ id, status: "blocked" });
    expect((await gql(STATUS, { m: id, a: "approve" }, bearer(manager))).setDealerStatus.code).toBe("NOT_FOUND");
    expect((await gql(STATUS, { m: id, a: "unblock" }, bearer(manager))).setDealerStatus).toMatchObject({
      status: "active",
    });
    expect((await login("dealer@vitup.demo", DEMO, "vitup")).__typename).toBe("Session");
  });

  it("assigns a personal manager of the same tenant only", async () => {
    const manager = await login("manager@spectr.demo", DEMO, "spectr");
    const dealer = await login("dealer@spectr.demo", DEMO, "spectr");
    const id = (await gql(`query { companyUsers { id } }`, {}, bearer(dealer))).companyUsers[0].id;
    const ASSIGN = `mutation($m: ID!, $u: ID!) { assignManager(membershipId: $m, managerUserId: $u) { ${CU} } }`;
    const foreign = await login("manager@keaz.demo", DEMO, "keaz");
    expect((await gql(ASSIGN, { m: id, u: foreign.user.id }, bearer(manager))).assignManager.code).toBe("NOT_FOUND");
    const r = await gql(ASSIGN, { m: id, u: manager.user.id }, bearer(manager));
    expect(r.assignManager).toMatchObject({ manager: { email: "manager@spectr.demo" } });
    const h = await gql(
      `query { history(filter: { action: "dealer.manager_assigned" }) { actor } }`,
      {},
      bearer(dealer),
    );
    expect(h.history).toEqual([{ actor: "manager@spectr.demo" }]);
  });
});

describe("signing-key rotation", () => {
  it("publishes the new key before it signs: its first tokens pass the gateway at once; old tokens keep working", {
    timeout: 60_000,
  }, async () => {
    const old = await login("dealer@wasserkraft.demo", DEMO, "wasserkraft");
    const oldKid = decodeProtectedHeader(old.accessToken).kid;
    const admin: Actor = {
      kind: "user",
      userId: "usr_platform",
      tenantId: "ten_wasserkraft",
      companyId: null,
      roles: ["platform_admin"],
      permissions: [],
    };
    const VIEWER = "query { viewer { user { email } } }";
    const viewerOf = async (auth: string) =>
      (await postGraphQL<Data>(stack.gatewayUrl, VIEWER, {}, { authorization: auth })).data?.viewer?.user.email;
    // The gateway has the JWKS as it was before the rotation.
    expect(await viewerOf(bearer(old))).toBe("dealer@wasserkraft.demo");
    const token = await signInternalToken({ actor: admin, requestId: "rotate-test" }, TEST_INTERNAL_SECRET);
    const res = await fetch(`${stack.urls.identity}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token },
      body: JSON.stringify({ query: "mutation { rotateSigningKey }" }),
    });
    const newKid = ((await res.json()) as { data: { rotateSigningKey: string } }).data.rotateSigningKey;
    expect(newKid).not.toBe(oldKid);
    // Published at once, but the old key signs until the publish delay (2 s in the test stack) is over.
    const published = (await (await fetch(`${stack.urls.identity}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string }[];
    };
    expect(published.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));
    const during = await login("dealer@wasserkraft.demo", DEMO, "wasserkraft");
    expect(decodeProtectedHeader(during.accessToken).kid).toBe(oldKid);
    await new Promise((r) => setTimeout(r, 2_100));
    const fresh = await login("dealer@wasserkraft.demo", DEMO, "wasserkraft");
    expect(decodeProtectedHeader(fresh.accessToken).kid).toBe(newKid);
    // No refusal window: the first token of the new key is accepted by the gateway right away.
    expect(await viewerOf(bearer(fresh))).toBe("dealer@wasserkraft.demo");
    expect((await gql(VIEWER, {}, bearer(old))).viewer.user.email).toBe("dealer@wasserkraft.demo");
    const jwks = (await (await fetch(`${stack.urls.identity}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));
    // A dealer may not rotate.
    const refused = await postGraphQL(
      stack.gatewayUrl,
      "mutation { rotateSigningKey }",
      {},
      { authorization: bearer(fresh) },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
