import type { Actor } from "@dpp/auth";
import { listen } from "@dpp/server";
import { callSubgraph, createTestDatabase, dealerActor, TEST_INTERNAL_SECRET, type TestDatabase } from "@dpp/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, migrations, seedCatalog } from "../src/index.ts";

/**
 * Useful-information pages and the maintenance banner against a real PostgreSQL: staff write
 * Markdown, dealers read published pages rendered and sanitized on the server, another tenant sees
 * nothing, and the banner shows only within its period.
 */
let db: TestDatabase;
let url: string;
let stop: () => Promise<void>;

const user = (tenantId: string, roles: ("manager" | "tenant_admin")[]): Actor => ({
  kind: "user",
  userId: `usr_${roles[0]}`,
  tenantId,
  companyId: null,
  roles,
  permissions: [],
});
const manager = (t: string) => user(t, ["manager"]);
const admin = (t: string) => user(t, ["tenant_admin"]);

beforeAll(async () => {
  db = await createTestDatabase([migrations]);
  const owner = await createServer({ databaseUrl: db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const base = { pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true }, products: [], discounts: [] };
  await seedCatalog(owner.db, [
    {
      id: "ten_p",
      ...base,
      infoPages: [
        { id: "inf_p_draft", slug: "draft", title: "Черновик", body: "скрыто", position: 9, published: false },
      ],
    },
    { id: "ten_q", ...base },
  ]);
  await owner.stop();
  const server = await createServer({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const l = await listen(server.app, 0);
  url = `${l.url}/graphql`;
  stop = async () => {
    await l.close();
    await server.stop();
    await db.drop();
  };
});
afterAll(async () => {
  await stop?.();
});

const gql = <T>(actor: Actor, query: string, variables: Record<string, unknown> = {}) =>
  callSubgraph<T>(url, TEST_INTERNAL_SECRET, actor, query, variables);

interface Page {
  id: string;
  slug: string;
  title: string;
  html: string;
  published: boolean;
}
type SaveResult = { saveInfoPage: Partial<Page> & { __typename: string; code?: string; fields?: { field: string }[] } };
const SAVE = `mutation($id: ID, $i: InfoPageInput!) { saveInfoPage(id: $id, input: $i) {
  __typename ... on InfoPage { id slug title html published } ... on InfoPageInvalidError { fields { field } }
  ... on UserError { code message } } }`;
const LIST = "{ infoPages { id slug title html published } }";
const ONE = "query($s: String!) { infoPage(slug: $s) { id title html } }";
const page = (extra: Record<string, unknown> = {}) => ({
  slug: "dostavka",
  title: "Доставка",
  markdown: "## Сроки\n\nОтгрузка **за 2 дня**.",
  position: 1,
  published: true,
  ...extra,
});

describe("useful-information pages", () => {
  let id = "";

  it("staff create a page; dealers read it rendered, drafts stay hidden from them", async () => {
    const saved = await gql<SaveResult>(manager("ten_p"), SAVE, { i: page() });
    expect(saved.errors).toBeUndefined();
    expect(saved.data?.saveInfoPage).toMatchObject({ __typename: "InfoPage", slug: "dostavka", published: true });
    id = saved.data?.saveInfoPage.id ?? "";

    const dealer = await gql<{ infoPages: Page[] }>(dealerActor("ten_p", "cmp_1"), LIST);
    expect(dealer.data?.infoPages.map((p) => p.slug)).toEqual(["dostavka"]);
    expect(dealer.data?.infoPages[0]?.html).toBe("<h2>Сроки</h2>\n<p>Отгрузка <strong>за 2 дня</strong>.</p>\n");
    const staff = await gql<{ infoPages: Page[] }>(manager("ten_p"), LIST);
    expect(staff.data?.infoPages.map((p) => p.slug)).toEqual(["dostavka", "draft"]);

    const draft = await gql<{ infoPage: Page | null }>(dealerActor("ten_p", "cmp_1"), ONE, { s: "draft" });
    expect(draft.data?.infoPage).toBeNull();
    const byStaff = await gql<{ infoPage: Page | null }>(manager("ten_p"), ONE, { s: "draft" });
    expect(byStaff.data?.infoPage?.title).toBe("Черновик");
  });

  it("strips scripts and inline handlers from what dealers receive", async () => {
    const markdown =
      'Текст<script>alert("x")</script>\n\n<img src="https://x.ru/a.png" onerror="alert(1)">\n\n[ссылка](javascript:alert(1))';
    const saved = await gql<SaveResult>(admin("ten_p"), SAVE, { id, i: page({ markdown }) });
    expect(saved.data?.saveInfoPage.__typename).toBe("InfoPage");
    const read = await gql<{ infoPage: Page }>(dealerActor("ten_p", "cmp_1"), ONE, { s: "dostavka" });
    const html = read.data?.infoPage.html ?? "";
    expect(html).toContain("Текст");
    expect(html).toContain('<img src="https://x.ru/a.png" />');
    expect(html).not.toMatch(/script|onerror|javascript:|alert/);
    const preview = await gql<{ previewMarkdown: string }>(
      manager("ten_p"),
      "query($m: String!) { previewMarkdown(markdown: $m) }",
      {
        m: markdown,
      },
    );
    expect(preview.data?.previewMarkdown).toBe(html);
  });

  it("refuses a bad field or a taken slug with a typed error and saves nothing", async () => {
    const bad = await gql<SaveResult>(manager("ten_p"), SAVE, { i: page({ slug: "Плохой адрес", title: "" }) });
    expect(bad.data?.saveInfoPage).toMatchObject({
      code: "INFO_PAGE_INVALID",
      fields: [{ field: "slug" }, { field: "title" }],
    });
    const taken = await gql<SaveResult>(manager("ten_p"), SAVE, { i: page({ title: "Другая" }) });
    expect(taken.data?.saveInfoPage).toMatchObject({ code: "SLUG_TAKEN", fields: [{ field: "slug" }] });
    const staff = await gql<{ infoPages: Page[] }>(manager("ten_p"), LIST);
    expect(staff.data?.infoPages.map((p) => p.title)).toEqual(["Доставка", "Черновик"]);
  });

  it("dealers may not write; another tenant sees, edits and deletes nothing of this one", async () => {
    const byDealer = await gql<SaveResult>(dealerActor("ten_p", "cmp_1"), SAVE, { i: page({ slug: "x" }) });
    expect(byDealer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const other = await gql<{ infoPages: Page[] }>(manager("ten_q"), LIST);
    expect(other.data?.infoPages).toEqual([]);
    const otherOne = await gql<{ infoPage: Page | null }>(manager("ten_q"), ONE, { s: "dostavka" });
    expect(otherOne.data?.infoPage).toBeNull();
    const edit = await gql<SaveResult>(manager("ten_q"), SAVE, { id, i: page() });
    expect(edit.data?.saveInfoPage.code).toBe("INFO_PAGE_NOT_FOUND");
    const del = await gql<{ deleteInfoPage: boolean }>(
      manager("ten_q"),
      "mutation($id: ID!) { deleteInfoPage(id: $id) }",
      { id },
    );
    expect(del.data?.deleteInfoPage).toBe(false);
    // The other tenant may use the same slug for its own page.
    const own = await gql<SaveResult>(manager("ten_q"), SAVE, { i: page() });
    expect(own.data?.saveInfoPage.__typename).toBe("InfoPage");
  });

  it("staff delete a page", async () => {
    const del = await gql<{ deleteInfoPage: boolean }>(
      manager("ten_p"),
      "mutation($id: ID!) { deleteInfoPage(id: $id) }",
      { id },
    );
    expect(del.data?.deleteInfoPage).toBe(true);
    const dealer = await gql<{ infoPages: Page[] }>(dealerActor("ten_p", "cmp_1"), LIST);
    expect(dealer.data?.infoPages).toEqual([]);
  });
});

const BANNER = `mutation($i: MaintenanceBannerInput!) { saveMaintenanceBanner(input: $i) {
  __typename ... on MaintenanceBanner { text level active } ... on MaintenanceBannerInvalidError { fields { field } } } }`;
const ACTIVE = "{ activeMaintenanceBanner { text level } }";
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describe("maintenance banner", () => {
  it("the tenant admin sets it; it shows to everyone of the tenant only within its period", async () => {
    const text = "Плановые работы: кабинет может быть недоступен";
    const future = await gql<{ saveMaintenanceBanner: { active: boolean } }>(admin("ten_p"), BANNER, {
      i: { text, level: "WARNING", activeFrom: hoursFromNow(1), activeUntil: hoursFromNow(3) },
    });
    expect(future.data?.saveMaintenanceBanner).toMatchObject({ __typename: "MaintenanceBanner", active: false });
    expect(
      (await gql<{ activeMaintenanceBanner: null }>(dealerActor("ten_p", "cmp_1"), ACTIVE)).data
        ?.activeMaintenanceBanner,
    ).toBeNull();

    await gql(admin("ten_p"), BANNER, {
      i: { text, level: "WARNING", activeFrom: hoursFromNow(-1), activeUntil: hoursFromNow(1) },
    });
    const now = await gql<{ activeMaintenanceBanner: { text: string; level: string } }>(
      dealerActor("ten_p", "cmp_1"),
      ACTIVE,
    );
    expect(now.data?.activeMaintenanceBanner).toEqual({ text, level: "WARNING" });
    expect(
      (await gql<{ activeMaintenanceBanner: null }>(manager("ten_q"), ACTIVE)).data?.activeMaintenanceBanner,
    ).toBeNull();

    await gql(admin("ten_p"), BANNER, {
      i: { text, level: "WARNING", activeFrom: hoursFromNow(-3), activeUntil: hoursFromNow(-1) },
    });
    expect(
      (await gql<{ activeMaintenanceBanner: null }>(dealerActor("ten_p", "cmp_1"), ACTIVE)).data
        ?.activeMaintenanceBanner,
    ).toBeNull();
  });

  it("refuses an inverted period or a bad date and keeps the previous banner", async () => {
    const bad = await gql<{ saveMaintenanceBanner: { __typename: string; fields: { field: string }[] } }>(
      admin("ten_p"),
      BANNER,
      {
        i: { text: "x", level: "INFO", activeFrom: hoursFromNow(2), activeUntil: hoursFromNow(1) },
      },
    );
    expect(bad.data?.saveMaintenanceBanner).toEqual({
      __typename: "MaintenanceBannerInvalidError",
      fields: [{ field: "activeUntil" }],
    });
    const badDate = await gql<{ saveMaintenanceBanner: { fields: { field: string }[] } }>(admin("ten_p"), BANNER, {
      i: { text: "x", level: "INFO", activeFrom: "завтра" },
    });
    expect(badDate.data?.saveMaintenanceBanner.fields).toEqual([{ field: "activeFrom" }]);
    const stored = await gql<{ maintenanceBanner: { text: string } }>(admin("ten_p"), "{ maintenanceBanner { text } }");
    expect(stored.data?.maintenanceBanner.text).toBe("Плановые работы: кабинет может быть недоступен");
  });

  it("only the tenant admin sets, reads or clears the stored banner", async () => {
    for (const actor of [manager("ten_p"), dealerActor("ten_p", "cmp_1")]) {
      const r = await gql(actor, BANNER, { i: { text: "x", level: "INFO" } });
      expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await gql(actor, "{ maintenanceBanner { text } }")).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect(
      (await gql<{ clearMaintenanceBanner: boolean }>(admin("ten_q"), "mutation { clearMaintenanceBanner }")).data
        ?.clearMaintenanceBanner,
    ).toBe(false);
    expect(
      (await gql<{ clearMaintenanceBanner: boolean }>(admin("ten_p"), "mutation { clearMaintenanceBanner }")).data
        ?.clearMaintenanceBanner,
    ).toBe(true);
  });
});
