import { newId, withTenant } from "@dpp/db";
import { badInput, forbidden } from "@dpp/server";
import { and, asc, eq } from "drizzle-orm";
import type { CatalogContext } from "../context.ts";
import { infoPages, maintenanceBanners } from "../db/schema.ts";
import { isStaff } from "../services/import.ts";
import {
  type BannerLevel,
  bannerActive,
  checkBanner,
  checkInfoPage,
  type InfoPageInput,
  MAX_MARKDOWN,
  renderMarkdown,
} from "./domain.ts";

type PageRow = typeof infoPages.$inferSelect;
type BannerRow = typeof maintenanceBanners.$inferSelect;

const staffOnly = (ctx: CatalogContext) => {
  if (!isStaff(ctx)) throw forbidden("Полезную информацию ведут сотрудники поставщика");
};
const adminOnly = (ctx: CatalogContext) => {
  const a = ctx.actor;
  if (a.kind !== "user" || !a.roles.includes("tenant_admin"))
    throw forbidden("Объявление задаёт администратор поставщика");
};

const toPage = (r: PageRow) => ({
  __typename: "InfoPage" as const,
  id: r.id,
  slug: r.slug,
  title: r.title,
  markdown: r.body,
  position: r.position,
  published: r.published,
  updatedAt: r.updatedAt.toISOString(),
});

/** Dealers get published pages, staff every page; by position, then title. */
export function listPages(ctx: CatalogContext) {
  const tenantId = ctx.tenantId();
  const scope = isStaff(ctx)
    ? eq(infoPages.tenantId, tenantId)
    : and(eq(infoPages.tenantId, tenantId), eq(infoPages.published, true));
  return withTenant(ctx.db, tenantId, (tx) =>
    tx.select().from(infoPages).where(scope).orderBy(asc(infoPages.position), asc(infoPages.title)),
  ).then((rows) => rows.map(toPage));
}

export async function pageBySlug(ctx: CatalogContext, slug: string) {
  const tenantId = ctx.tenantId();
  const [row] = await withTenant(ctx.db, tenantId, (tx) =>
    tx
      .select()
      .from(infoPages)
      .where(and(eq(infoPages.tenantId, tenantId), eq(infoPages.slug, slug))),
  );
  return row && (row.published || isStaff(ctx)) ? toPage(row) : null;
}

const invalid = (code: string, message: string, fields: { field: string; message: string }[]) => ({
  __typename: "InfoPageInvalidError" as const,
  code,
  message,
  fields,
});

/** Creates or replaces a page after the domain check; a slug already used by another page is refused. */
export async function savePage(ctx: CatalogContext, id: string | null, input: InfoPageInput) {
  staffOnly(ctx);
  const checked = checkInfoPage(input);
  if (!checked.ok) return invalid("INFO_PAGE_INVALID", checked.errors.map((e) => e.message).join("; "), checked.errors);
  const { slug, title, markdown, position, published } = checked.value;
  const tenantId = ctx.tenantId();
  return withTenant(ctx.db, tenantId, async (tx) => {
    const [taken] = await tx
      .select({ id: infoPages.id })
      .from(infoPages)
      .where(and(eq(infoPages.tenantId, tenantId), eq(infoPages.slug, slug)));
    if (taken && taken.id !== id) {
      const message = "Такой адрес уже у другой страницы";
      return invalid("SLUG_TAKEN", message, [{ field: "slug", message }]);
    }
    const values = { slug, title, body: markdown, position, published };
    const [row] =
      id === null
        ? await tx
            .insert(infoPages)
            .values({ tenantId, id: newId("inf"), ...values })
            .returning()
        : await tx
            .update(infoPages)
            .set({ ...values, updatedAt: new Date() })
            .where(and(eq(infoPages.tenantId, tenantId), eq(infoPages.id, id)))
            .returning();
    if (!row)
      return {
        __typename: "InfoPageNotFoundError" as const,
        code: "INFO_PAGE_NOT_FOUND",
        message: "Страница не найдена",
      };
    return toPage(row);
  });
}

export async function deletePage(ctx: CatalogContext, id: string): Promise<boolean> {
  staffOnly(ctx);
  const tenantId = ctx.tenantId();
  const gone = await withTenant(ctx.db, tenantId, (tx) =>
    tx
      .delete(infoPages)
      .where(and(eq(infoPages.tenantId, tenantId), eq(infoPages.id, id)))
      .returning({ id: infoPages.id }),
  );
  return gone.length > 0;
}

export function preview(ctx: CatalogContext, markdown: string): string {
  staffOnly(ctx);
  if (markdown.length > MAX_MARKDOWN) throw badInput(`Текст длиннее ${MAX_MARKDOWN} символов`, "markdown");
  return renderMarkdown(markdown);
}

const toBanner = (r: BannerRow, now: Date) => ({
  __typename: "MaintenanceBanner" as const,
  text: r.text,
  level: r.level.toUpperCase(),
  activeFrom: r.activeFrom?.toISOString() ?? null,
  activeUntil: r.activeUntil?.toISOString() ?? null,
  active: bannerActive(r, now),
});

const storedBanner = async (ctx: CatalogContext) => {
  const tenantId = ctx.tenantId();
  const [row] = await withTenant(ctx.db, tenantId, (tx) =>
    tx.select().from(maintenanceBanners).where(eq(maintenanceBanners.tenantId, tenantId)),
  );
  return row ?? null;
};

/** Any user of the tenant: the banner to show now, or null. */
export async function activeBanner(ctx: CatalogContext) {
  const row = await storedBanner(ctx);
  const now = new Date();
  return row && bannerActive(row, now) ? toBanner(row, now) : null;
}

export async function banner(ctx: CatalogContext) {
  adminOnly(ctx);
  const row = await storedBanner(ctx);
  return row ? toBanner(row, new Date()) : null;
}

interface BannerArgs {
  text: string;
  level: "INFO" | "WARNING" | "CRITICAL";
  activeFrom?: string | null;
  activeUntil?: string | null;
}

/** An ISO 8601 moment with a time zone, or a field error. */
function moment(value: string | null | undefined, field: string): Date | null | { field: string; message: string } {
  if (value === null || value === undefined || value === "") return null;
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const d = new Date(value);
  return ok && !Number.isNaN(d.getTime()) ? d : { field, message: "Дата и время в формате ISO 8601 с часовым поясом" };
}

export async function saveBanner(ctx: CatalogContext, input: BannerArgs) {
  adminOnly(ctx);
  const from = moment(input.activeFrom, "activeFrom");
  const until = moment(input.activeUntil, "activeUntil");
  const badDates = [from, until].filter(
    (x): x is { field: string; message: string } => x !== null && !(x instanceof Date),
  );
  const checked = checkBanner({
    text: input.text,
    level: input.level.toLowerCase() as BannerLevel,
    activeFrom: from instanceof Date ? from : null,
    activeUntil: until instanceof Date ? until : null,
  });
  const errors = [...badDates, ...(checked.ok ? [] : checked.errors)];
  if (!checked.ok || errors.length > 0) {
    return {
      __typename: "MaintenanceBannerInvalidError" as const,
      code: "BANNER_INVALID",
      message: errors.map((e) => e.message).join("; "),
      fields: errors,
    };
  }
  const tenantId = ctx.tenantId();
  const values = {
    ...checked.value,
    updatedBy: ctx.actor.kind === "user" ? ctx.actor.userId : "service",
    updatedAt: new Date(),
  };
  const [row] = await withTenant(ctx.db, tenantId, (tx) =>
    tx
      .insert(maintenanceBanners)
      .values({ tenantId, ...values })
      .onConflictDoUpdate({ target: maintenanceBanners.tenantId, set: values })
      .returning(),
  );
  if (!row) throw new Error("banner upsert returned nothing");
  return toBanner(row, new Date());
}

export async function clearBanner(ctx: CatalogContext): Promise<boolean> {
  adminOnly(ctx);
  const tenantId = ctx.tenantId();
  const gone = await withTenant(ctx.db, tenantId, (tx) =>
    tx
      .delete(maintenanceBanners)
      .where(eq(maintenanceBanners.tenantId, tenantId))
      .returning({ t: maintenanceBanners.tenantId }),
  );
  return gone.length > 0;
}

type Ctx = CatalogContext;
export const contentResolvers = {
  types: {
    SaveInfoPageResult: { __resolveType: (r: { __typename: string }) => r.__typename },
    SaveMaintenanceBannerResult: { __resolveType: (r: { __typename: string }) => r.__typename },
    InfoPage: { html: (p: { markdown: string }) => renderMarkdown(p.markdown) },
  },
  Query: {
    infoPages: (_: unknown, __: unknown, ctx: Ctx) => listPages(ctx),
    infoPage: (_: unknown, a: { slug: string }, ctx: Ctx) => pageBySlug(ctx, a.slug),
    activeMaintenanceBanner: (_: unknown, __: unknown, ctx: Ctx) => activeBanner(ctx),
    maintenanceBanner: (_: unknown, __: unknown, ctx: Ctx) => banner(ctx),
    previewMarkdown: (_: unknown, a: { markdown: string }, ctx: Ctx) => preview(ctx, a.markdown),
  },
  Mutation: {
    saveInfoPage: (_: unknown, a: { id?: string | null; input: InfoPageInput }, ctx: Ctx) =>
      savePage(ctx, a.id ?? null, a.input),
    deleteInfoPage: (_: unknown, a: { id: string }, ctx: Ctx) => deletePage(ctx, a.id),
    saveMaintenanceBanner: (_: unknown, a: { input: BannerArgs }, ctx: Ctx) => saveBanner(ctx, a.input),
    clearMaintenanceBanner: (_: unknown, __: unknown, ctx: Ctx) => clearBanner(ctx),
  },
};
