import { randomInt, randomUUID } from "node:crypto";
import { newId, withTenant } from "@dpp/db";
import { forbidden, requireTenant, requireUser } from "@dpp/server";
import type { TenantDefinition } from "@dpp/tenant";
import { hash } from "@node-rs/argon2";
import { desc, eq } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { userByEmail } from "../db/queries.ts";
import { memberships, tenantConfigVersions, tenants, users } from "../db/schema.ts";
import { normalizeEmail } from "../domain/email.ts";
import { logoFromUpload } from "../domain/logo.ts";
import { mails } from "../domain/mail-text.ts";
import { generatePassword } from "../domain/password-policy.ts";
import { emailProblem } from "../domain/registration.ts";
import { checkDefinition, type DefinitionProblem, definitionChanges } from "../domain/tenant-config.ts";
import { audit, sendMail } from "../services/support.ts";
import { type NewTenant, tenantTemplate } from "./template.ts";

type Tx = Parameters<Parameters<IdentityContext["db"]["transaction"]>[0]>[0];

const invalid = (message: string, problems: DefinitionProblem[], code = "INVALID_DEFINITION") => ({
  __typename: "TenantConfigInvalid" as const,
  code,
  message,
  problems,
});

/** The tenant admin (or the platform admin) of the caller's tenant; anyone else is refused. */
function requireTenantAdmin(ctx: IdentityContext) {
  const a = requireUser(ctx.actor);
  if (!a.roles.includes("tenant_admin") && !a.roles.includes("platform_admin"))
    throw forbidden("Только для администратора поставщика");
  return a;
}

function requirePlatformAdmin(ctx: IdentityContext) {
  const a = requireUser(ctx.actor);
  if (!a.roles.includes("platform_admin")) throw forbidden("Только для администратора платформы");
  return a;
}

/** The caller's tenant's current definition and its versions, newest first, with what each changed. */
export async function tenantConfiguration(ctx: IdentityContext) {
  const a = requireTenantAdmin(ctx);
  const [tenant] = await ctx.db.select().from(tenants).where(eq(tenants.id, a.tenantId));
  if (!tenant) throw forbidden("Поставщик не найден");
  const rows = await withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .select({ v: tenantConfigVersions, author: users.email })
      .from(tenantConfigVersions)
      .leftJoin(users, eq(users.id, tenantConfigVersions.authorUserId))
      .where(eq(tenantConfigVersions.tenantId, a.tenantId))
      .orderBy(desc(tenantConfigVersions.version))
      .limit(51),
  );
  const versions = rows.slice(0, 50).map((r, i) => ({
    version: r.v.version,
    createdAt: r.v.createdAt.toISOString(),
    author: r.author,
    comment: r.v.comment,
    changes: rows[i + 1] ? definitionChanges(rows[i + 1]?.v.definition, r.v.definition) : [],
  }));
  return { version: rows[0]?.v.version ?? 0, definition: tenant.definition, versions };
}

/**
 * Stores `definition` as the tenant's next version (in one transaction with identity's own copy);
 * the row's trigger enqueues its delivery to the other subgraphs. A tenant loaded before versions
 * existed first gets its loaded definition as version 1. Same definition: no new version.
 */
async function storeVersion(
  tx: Tx,
  tenantId: string,
  definition: TenantDefinition,
  authorUserId: string | null,
  comment: string | null,
): Promise<{ version: number; changed: boolean }> {
  const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for("update");
  if (!tenant) throw forbidden("Поставщик не найден");
  const [latest] = await tx
    .select({ version: tenantConfigVersions.version })
    .from(tenantConfigVersions)
    .where(eq(tenantConfigVersions.tenantId, tenantId))
    .orderBy(desc(tenantConfigVersions.version))
    .limit(1);
  let version = latest?.version ?? 0;
  if (definitionChanges(tenant.definition, definition).length === 0) return { version, changed: false };
  if (version === 0) {
    version = 1;
    await tx.insert(tenantConfigVersions).values({
      tenantId,
      version,
      definition: tenant.definition,
      authorUserId: null,
      comment: "Исходная конфигурация",
    });
  }
  version += 1;
  await tx.insert(tenantConfigVersions).values({ tenantId, version, definition, authorUserId, comment });
  const { name, description, branding } = definition;
  await tx.update(tenants).set({ name, description, branding, definition }).where(eq(tenants.id, tenantId));
  return { version, changed: true };
}

/**
 * The workflow a definition is checked and stored with: orders' current one (decision 0019 — the
 * workflow is edited and versioned there), so document statuses and the bonus status may name any
 * status it has now. A tenant orders has no workflow for yet keeps the definition's own.
 */
async function withCurrentWorkflow(ctx: IdentityContext, tenantId: string, proposed: unknown): Promise<unknown> {
  if (!ctx.rt.currentWorkflow || typeof proposed !== "object" || proposed === null) return proposed;
  const workflow = await ctx.rt.currentWorkflow(tenantId, ctx.requestId ?? randomUUID());
  return workflow ? { ...proposed, workflow } : proposed;
}

/** Service only (orders' workflow editor): the current definition of the caller's tenant. */
export async function currentTenantDefinition(ctx: IdentityContext) {
  if (ctx.actor.kind !== "service") throw forbidden("Только для сервисов платформы");
  const tenant = await ctx.loaders.tenant.load(requireTenant(ctx.actor));
  if (!tenant) throw forbidden("Поставщик не найден");
  return tenant.definition;
}

/**
 * The tenant admin saves the whole definition: checked as a loaded one (every problem with its
 * path) against orders' current workflow, which replaces the definition's copy; the slug
 * unchanged; an uploaded logo (base64) replaces `branding.logoSvg` when it is an image of at most
 * 200 KB by its content.
 */
export async function saveTenantConfiguration(
  ctx: IdentityContext,
  input: { definition: unknown; comment?: string | null; logoBase64?: string | null },
) {
  const a = requireTenantAdmin(ctx);
  const [tenant] = await ctx.db.select().from(tenants).where(eq(tenants.id, a.tenantId));
  if (!tenant) throw forbidden("Поставщик не найден");
  let proposed = input.definition;
  if (input.logoBase64) {
    const logo = await logoFromUpload(Buffer.from(input.logoBase64, "base64"));
    if (!logo.ok) return invalid(logo.message, [{ path: "branding.logoSvg", message: logo.message }], logo.code);
    const d = proposed as { branding?: Record<string, unknown> };
    proposed = { ...d, branding: { ...d.branding, logoSvg: logo.svg } };
  }
  const checked = checkDefinition(await withCurrentWorkflow(ctx, a.tenantId, proposed));
  if (!checked.ok) return invalid("Конфигурация не сохранена: исправьте ошибки", checked.problems);
  if (checked.definition.slug !== tenant.slug) {
    return invalid("Конфигурация не сохранена: исправьте ошибки", [
      { path: "slug", message: `the slug stays "${tenant.slug}"` },
    ]);
  }
  const comment = input.comment?.trim() || null;
  const r = await withTenant(ctx.db, a.tenantId, (tx) =>
    storeVersion(tx, a.tenantId, checked.definition, a.userId, comment),
  );
  if (r.changed)
    await audit(ctx, a.tenantId, {
      action: "tenant.configured",
      objects: [{ type: "TenantConfigVersion", id: String(r.version), label: comment ?? undefined }],
    });
  return { __typename: "TenantConfigSaved" as const, version: r.version, changed: r.changed };
}

/** Every tenant on the platform with its current version (platform admin). */
export async function platformTenants(ctx: IdentityContext) {
  requirePlatformAdmin(ctx);
  return ctx.db.select().from(tenants).orderBy(tenants.createdAt, tenants.slug);
}

const FIELD_OF: Record<string, keyof NewTenant> = {
  slug: "slug",
  name: "name",
  legalName: "legalName",
  inn: "inn",
  "branding.primary": "primary",
  "branding.onPrimary": "onPrimary",
  "branding.accent": "accent",
  contactEmail: "adminEmail",
};

/**
 * The platform admin creates a supplier from the template: the tenant, its definition as version 1
 * (delivered to every subgraph like any version, so orders gets its workflow v1), and its first
 * admin, who is mailed a login and a generated password to change at first login.
 */
export async function createTenant(ctx: IdentityContext, input: NewTenant) {
  const a = requirePlatformAdmin(ctx);
  if (!ctx.rt.mailer) return invalid("Отправка писем не настроена", [], "MAIL_UNAVAILABLE");
  const t = { ...input, slug: input.slug.trim(), adminEmail: normalizeEmail(input.adminEmail) };
  const problems: DefinitionProblem[] = [];
  const mailProblem = emailProblem(t.adminEmail);
  if (mailProblem) problems.push({ path: "adminEmail", message: mailProblem });
  const checked = checkDefinition(tenantTemplate(t));
  if (!checked.ok) {
    for (const p of checked.problems) {
      const path = FIELD_OF[p.path] ?? p.path;
      if (!problems.some((q) => q.path === path)) problems.push({ path, message: p.message });
    }
  }
  const [taken] = await ctx.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, t.slug));
  if (taken) problems.push({ path: "slug", message: `«${t.slug}» уже занят` });
  if (problems.length > 0 || !checked.ok) return invalid("Поставщик не создан: исправьте ошибки", problems);
  const definition = checked.definition;
  const tenantId = newId("ten");
  const existing = await userByEmail(ctx.db, t.adminEmail);
  const password = existing ? null : generatePassword(randomInt);
  const userId = existing?.id ?? newId("usr");
  await withTenant(ctx.db, tenantId, async (tx) => {
    const { slug, name, description, branding } = definition;
    await tx.insert(tenants).values({ id: tenantId, slug, name, description, branding, definition });
    if (password) {
      await tx.insert(users).values({
        id: userId,
        email: t.adminEmail,
        passwordHash: await hash(password),
        fullName: t.adminEmail,
        mustChangePassword: true,
      });
    }
    await tx.insert(memberships).values({ tenantId, id: newId("mem"), userId, role: "tenant_admin" });
    await tx.insert(tenantConfigVersions).values({
      tenantId,
      version: 1,
      definition,
      authorUserId: a.userId,
      comment: "Поставщик создан по шаблону",
    });
  });
  const url = `${ctx.rt.portalUrl}/login?brand=${definition.slug}`;
  const mail = password
    ? mails.credentials(definition.name, url, t.adminEmail, password)
    : mails.accessGranted(definition.name, url, definition.name);
  const n = await sendMail(ctx, tenantId, { to: t.adminEmail, ...mail });
  await audit(ctx, tenantId, {
    action: "tenant.created",
    objects: [{ type: "Tenant", id: tenantId, label: definition.name }],
    notifications: [n],
  });
  const [row] = await ctx.db.select().from(tenants).where(eq(tenants.id, tenantId));
  return { __typename: "TenantCreated" as const, tenant: row, adminEmail: t.adminEmail };
}
