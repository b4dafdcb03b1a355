import { startTestSmtpServer, type TestSmtpServer } from "@dpp/mail/testing";
import type { TenantDefinition } from "@dpp/tenant";
import { callSubgraph, dealerActor, postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Versioned tenant configuration end to end (decision 0018): the tenant admin saves through the
 * gateway, identity keeps the version, the worker delivers it to the subgraphs, and a dealer of
 * that tenant sees the new rule; the platform admin creates a tenant that exists everywhere.
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
// A real 1×1 PNG.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
// biome-ignore lint/suspicious/noExplicitAny: GraphQL responses are read field by field in assertions
type Data = Record<string, any>;

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return postGraphQL<Data>(stack.gatewayUrl, query, variables, headers);
}
async function ok(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Data> {
  const res = await gql(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data ?? {};
}
async function login(email: string, password = DEMO, tenantSlug?: string) {
  const d = await ok(
    `mutation($i: LoginInput!) { login(input: $i) { __typename ... on Session { accessToken mustChangePassword }
      ... on AuthError { code } } }`,
    { i: { email, password, tenantSlug } },
  );
  return d.login;
}
async function until<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const v = await probe();
    if (v !== null) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const CONFIG = `{ tenantConfiguration { version definition versions { version author comment changes } } }`;
const SAVE = `mutation($d: JSON!, $c: String, $logo: String) { saveTenantConfiguration(definition: $d, comment: $c, logoBase64: $logo) {
  __typename ... on TenantConfigSaved { version changed } ... on TenantConfigInvalid { code message problems { path message } } } }`;
const SEARCH = `query($q: String!) { catalogSearch(query: $q, first: 1) { __typename ... on SearchQueryTooShortError { minChars } } }`;

describe("a tenant admin's configuration", () => {
  const t = () => stack.dataset.tenants[0] as { definition: TenantDefinition };

  it("a saved rule is a new version and reaches the catalog: the dealer's shorter search works", async () => {
    const slug = t().definition.slug;
    const admin = await login(`admin@${slug}.demo`);
    const dealer = await login(`dealer@${slug}.demo`);
    const before = (await ok(CONFIG, {}, admin.accessToken)).tenantConfiguration;
    expect(before.version).toBe(0);
    const minChars = before.definition.features.minSearchChars as number;
    expect(minChars).toBeGreaterThan(1);
    const short = "к".repeat(minChars - 1);
    expect((await ok(SEARCH, { q: short }, dealer.accessToken)).catalogSearch.__typename).toBe(
      "SearchQueryTooShortError",
    );

    const definition = { ...before.definition, features: { ...before.definition.features, minSearchChars: 1 } };
    const saved = (await ok(SAVE, { d: definition, c: "Короткий поиск" }, admin.accessToken)).saveTenantConfiguration;
    expect(saved).toEqual({ __typename: "TenantConfigSaved", version: 2, changed: true });

    await until("catalog to follow", async () => {
      const r = (await ok(SEARCH, { q: short }, dealer.accessToken)).catalogSearch;
      return r.__typename === "ProductConnection" ? r : null;
    });
    const after = (await ok(CONFIG, {}, admin.accessToken)).tenantConfiguration;
    expect(after.version).toBe(2);
    expect(after.versions[0]).toEqual({
      version: 2,
      author: `admin@${slug}.demo`,
      comment: "Короткий поиск",
      changes: [`features.minSearchChars: ${minChars} → 1`],
    });
    expect(after.versions[1]).toMatchObject({ version: 1, author: null, comment: "Исходная конфигурация" });

    const again = (await ok(SAVE, { d: definition }, admin.accessToken)).saveTenantConfiguration;
    expect(again).toEqual({ __typename: "TenantConfigSaved", version: 2, changed: false });
  });

  it("each subgraph applies a version once, never an older one, and only for a service", async () => {
    const tenantId = (stack.dataset.tenants[0] as { id: string }).id;
    const admin = await login(`admin@${t().definition.slug}.demo`);
    const { definition, version } = (await ok(CONFIG, {}, admin.accessToken)).tenantConfiguration;
    const APPLY = `mutation($d: JSON!, $v: Int!) { applyTenantDefinition(definition: $d, version: $v) }`;
    const service = { kind: "service" as const, service: "worker", tenantId };
    for (const name of ["catalog", "orders", "finance", "inventory"] as const) {
      const url = `${stack.urls[name]}/graphql`;
      const older = await callSubgraph(url, stack.internalTokenSecret, service, APPLY, {
        d: definition,
        v: version - 1,
      });
      expect(older.data, name).toEqual({ applyTenantDefinition: false });
      const same = await callSubgraph(url, stack.internalTokenSecret, service, APPLY, { d: definition, v: version });
      expect(same.data, name).toEqual({ applyTenantDefinition: false });
      const user = await callSubgraph(url, stack.internalTokenSecret, dealerActor(tenantId), APPLY, {
        d: definition,
        v: 99,
      });
      expect(user.errors?.[0]?.extensions?.code, name).toBe("FORBIDDEN");
    }
    const viaGateway = await gql(
      `mutation($d: JSON!) { applyTenantDefinition(definition: $d, version: 99) }`,
      {
        d: definition,
      },
      admin.accessToken,
    );
    expect(viaGateway.errors?.[0]?.message).toMatch(/applyTenantDefinition/);
  });

  it("an invalid definition is refused with every problem at its path, and nothing is saved", async () => {
    const admin = await login(`admin@${t().definition.slug}.demo`);
    const current = (await ok(CONFIG, {}, admin.accessToken)).tenantConfiguration;
    const bad = {
      ...current.definition,
      features: { ...current.definition.features, minSearchChars: 0 },
      pricing: { ...current.definition.pricing, vatRateBp: 20000 },
      documentTypes: [{ ...current.definition.documentTypes[0], availableAt: ["nowhere"] }],
    };
    const r = (await ok(SAVE, { d: bad }, admin.accessToken)).saveTenantConfiguration;
    expect(r.__typename).toBe("TenantConfigInvalid");
    expect(r.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      "documentTypes.0.availableAt.0",
      "features.minSearchChars",
      "pricing.vatRateBp",
    ]);
    const pale = {
      ...current.definition,
      branding: { ...current.definition.branding, onPrimary: current.definition.branding.primary },
    };
    const c = (await ok(SAVE, { d: pale }, admin.accessToken)).saveTenantConfiguration;
    expect(c.problems).toEqual([{ path: "branding.onPrimary", message: expect.stringMatching(/Контраст .* 1\.00:1/) }]);
    const slugChange = (await ok(SAVE, { d: { ...current.definition, slug: "another" } }, admin.accessToken))
      .saveTenantConfiguration;
    expect(slugChange.problems[0].path).toBe("slug");
    expect((await ok(CONFIG, {}, admin.accessToken)).tenantConfiguration.version).toBe(current.version);
  });

  it("a logo must be an image by its content and at most 200 KB", async () => {
    const admin = await login(`admin@${t().definition.slug}.demo`);
    const { definition, version } = (await ok(CONFIG, {}, admin.accessToken)).tenantConfiguration;
    const text = Buffer.from("%PDF-1.4 not a logo at all").toString("base64");
    const notImage = (await ok(SAVE, { d: definition, logo: text }, admin.accessToken)).saveTenantConfiguration;
    expect(notImage).toMatchObject({ code: "NOT_AN_IMAGE", problems: [{ path: "branding.logoSvg" }] });
    const big = Buffer.concat([Buffer.from(PNG, "base64"), Buffer.alloc(210 * 1024)]).toString("base64");
    const tooLarge = (await ok(SAVE, { d: definition, logo: big }, admin.accessToken)).saveTenantConfiguration;
    expect(tooLarge.code).toBe("LOGO_TOO_LARGE");
    const png = (await ok(SAVE, { d: definition, logo: PNG, c: "Логотип" }, admin.accessToken)).saveTenantConfiguration;
    expect(png).toEqual({ __typename: "TenantConfigSaved", version: version + 1, changed: true });
    const viewer = (await ok(`{ viewer { tenant { branding { logoSvg } } } }`, {}, admin.accessToken)).viewer;
    expect(viewer.tenant.branding.logoSvg).toContain(`href="data:image/png;base64,${PNG}"`);
  });

  it("only the tenant's admin: a manager is refused, an admin has no way into another tenant", async () => {
    const [a, b] = stack.dataset.tenants as { definition: TenantDefinition }[];
    const manager = await login(`manager@${a?.definition.slug}.demo`);
    const refused = await gql(CONFIG, {}, manager.accessToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const other = await login(`admin@${a?.definition.slug}.demo`, DEMO, b?.definition.slug);
    expect(other).toEqual({ __typename: "AuthError", code: "INVALID_CREDENTIALS" });
    const admin = await login(`admin@${a?.definition.slug}.demo`);
    const create = await gql(
      `mutation { createTenant(input: { slug: "x", name: "x", legalName: "x", inn: "1", primary: "#000000", onPrimary: "#ffffff", accent: "#000000", adminEmail: "x@x.ru" }) { __typename } }`,
      {},
      admin.accessToken,
    );
    expect(create.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("the platform admin creates a tenant", () => {
  const CREATE = `mutation($i: CreateTenantInput!) { createTenant(input: $i) { __typename
    ... on TenantCreated { adminEmail tenant { slug name branding { primary } } }
    ... on TenantConfigInvalid { code problems { path message } } } }`;
  const input = {
    slug: "teplo-service",
    name: "Тепло-Сервис",
    legalName: "ООО «Тепло-Сервис»",
    inn: "7707083893",
    primary: "#7a1f1f",
    onPrimary: "#ffffff",
    accent: "#f0a020",
    adminEmail: "Boss@Teplo-Service.test",
  };

  it("refuses bad fields by name, then creates it: its admin is mailed a password and the tenant has a workflow", async () => {
    const platform = await login("platform@dpp.demo");
    const bad = (
      await ok(
        CREATE,
        { i: { ...input, slug: "Bad slug", onPrimary: input.primary, adminEmail: "nope" } },
        platform.accessToken,
      )
    ).createTenant;
    expect(bad.problems.map((p: { path: string }) => p.path).sort()).toEqual(["adminEmail", "onPrimary", "slug"]);

    const created = (await ok(CREATE, { i: input }, platform.accessToken)).createTenant;
    expect(created).toEqual({
      __typename: "TenantCreated",
      adminEmail: "boss@teplo-service.test",
      tenant: { slug: "teplo-service", name: "Тепло-Сервис", branding: { primary: "#7a1f1f" } },
    });
    const taken = (await ok(CREATE, { i: input }, platform.accessToken)).createTenant;
    expect(taken.problems).toEqual([{ path: "slug", message: "«teplo-service» уже занят" }]);

    const mail = await until(
      "the admin's mail",
      async () => smtp.messages.find((m) => m.envelope.to.includes("boss@teplo-service.test")) ?? null,
    );
    expect(mail.subject).toBe("Тепло-Сервис: доступ в личный кабинет");
    const password = /Пароль: (\S+)/.exec(mail.text)?.[1] ?? "";
    const admin = await login("boss@teplo-service.test", password, "teplo-service");
    expect(admin.mustChangePassword).toBe(true);

    const workflow = await until("orders to have the workflow", async () => {
      const r = await gql(`{ orderWorkflow { initial statuses { code } } }`, {}, admin.accessToken);
      return r.data?.orderWorkflow ?? null;
    });
    expect(workflow.initial).toBe("new");
    const search = (await ok(SEARCH, { q: "кабель" }, admin.accessToken)).catalogSearch;
    expect(search.__typename).toBe("ProductConnection");
    const config = (await ok(CONFIG, {}, admin.accessToken)).tenantConfiguration;
    expect(config.versions).toEqual([
      { version: 1, author: "platform@dpp.demo", comment: "Поставщик создан по шаблону", changes: [] },
    ]);
  });
});

describe("document statuses follow orders' current workflow (decisions 0018, 0019)", () => {
  const WF = `statuses { code label labelEn category color editableBy tab } initial
    tabs { code label labelEn kind } transitions { from to by label labelEn guards effects on }
    managerPool managerEditEffects`;
  const SAVE_WORKFLOW = `mutation($i: SaveOrderWorkflowInput!) { saveOrderWorkflow(input: $i) {
    __typename ... on OrderWorkflowVersion { version }
    ... on OrderWorkflowError { code message problems { code status message } } } }`;

  it("a status added in the workflow editor can be chosen for a document; removing it then is refused by name", async () => {
    const tenant = stack.dataset.tenants[1] as { definition: TenantDefinition };
    const admin = await login(`admin@${tenant.definition.slug}.demo`);
    const versions = (await ok(`{ orderWorkflowVersions { definition { ${WF} } } }`, {}, admin.accessToken))
      .orderWorkflowVersions;
    const wf = versions[0].definition;
    const initial = wf.statuses.find((s: { code: string }) => s.code === wf.initial);
    const final = wf.statuses.find((s: { category: string }) => s.category === "done");
    const check = { ...initial, code: "quality_check", label: "Контроль качества", labelEn: "Quality check" };
    const move = { by: ["manager"], labelEn: "Move", guards: [], effects: [], on: null };
    const added = {
      ...wf,
      statuses: [...wf.statuses, check],
      transitions: [
        ...wf.transitions,
        { ...move, from: wf.initial, to: check.code, label: "На контроль" },
        { ...move, from: check.code, to: final.code, label: "Проверено" },
      ],
    };
    const saved = (await ok(SAVE_WORKFLOW, { i: { definition: added, comment: "Контроль" } }, admin.accessToken))
      .saveOrderWorkflow;
    expect(saved.__typename).toBe("OrderWorkflowVersion");

    const config = (await ok(CONFIG, {}, admin.accessToken)).tenantConfiguration;
    const [doc, ...rest] = config.definition.documentTypes;
    const definition = {
      ...config.definition,
      documentTypes: [{ ...doc, availableAt: [...doc.availableAt, check.code] }, ...rest],
    };
    const r = (await ok(SAVE, { d: definition, c: "Документ на контроле" }, admin.accessToken)).saveTenantConfiguration;
    expect(r).toMatchObject({ __typename: "TenantConfigSaved", changed: true });
    const after = (await ok(CONFIG, {}, admin.accessToken)).tenantConfiguration.definition;
    expect(after.documentTypes[0].availableAt).toContain(check.code);
    expect(after.workflow.statuses.map((s: { code: string }) => s.code)).toContain(check.code);

    const removed = (await ok(SAVE_WORKFLOW, { i: { definition: wf, comment: "Без контроля" } }, admin.accessToken))
      .saveOrderWorkflow;
    const message = `Статус «Контроль качества» (quality_check) нельзя удалить: его использует документ «${doc.label}». Сначала уберите его в настройках поставщика.`;
    expect(removed).toEqual({
      __typename: "OrderWorkflowError",
      code: "STATUS_IN_USE",
      message: `Схема не сохранена: ${message}`,
      problems: [{ code: "STATUS_IN_USE", status: "quality_check", message }],
    });
    const current = (await ok(`{ orderWorkflow { statuses { code } } }`, {}, admin.accessToken)).orderWorkflow;
    expect(current.statuses.map((s: { code: string }) => s.code)).toContain(check.code);
  });

  it("only a service reads the other side's current definition or workflow", async () => {
    const tenantId = (stack.dataset.tenants[1] as { id: string }).id;
    const dealer = dealerActor(tenantId);
    const asDealer = await callSubgraph(
      `${stack.urls.identity}/graphql`,
      stack.internalTokenSecret,
      dealer,
      "{ currentTenantDefinition }",
    );
    expect(asDealer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const wf = await callSubgraph(
      `${stack.urls.orders}/graphql`,
      stack.internalTokenSecret,
      dealer,
      "{ currentOrderWorkflowDefinition }",
    );
    expect(wf.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
