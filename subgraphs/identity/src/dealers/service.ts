import { withTenant } from "@dpp/db";
import { badInput, forbidden, requireTenant } from "@dpp/server";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { dealerCompanies, memberships, users } from "../db/schema.ts";
import { requireStaff } from "../services/access.ts";
import { audit, sendMail } from "../services/support.ts";

const DEALER_ROLES = ["dealer", "dealer_admin"] as const;

/** Staff: the tenant's dealer companies that have an active login, by name. */
export function dealerCompaniesOf(ctx: IdentityContext) {
  const a = requireStaff(ctx);
  return withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .selectDistinct({ id: dealerCompanies.id, name: dealerCompanies.name, createdAt: dealerCompanies.createdAt })
      .from(memberships)
      .innerJoin(dealerCompanies, eq(dealerCompanies.id, memberships.companyId))
      .where(
        and(
          eq(memberships.tenantId, a.tenantId),
          isNotNull(memberships.companyId),
          eq(memberships.status, "active"),
          inArray(memberships.role, [...DEALER_ROLES]),
        ),
      )
      .orderBy(asc(dealerCompanies.name), asc(dealerCompanies.id)),
  );
}

export interface CompanyMail {
  companyId: string;
  subject: string;
  text: string;
  path: string;
}

/** Service only: one mail per active login of the company, with a link to `path`; recorded in the history. */
export async function mailDealerCompany(ctx: IdentityContext, input: CompanyMail): Promise<number> {
  if (ctx.actor.kind !== "service") throw forbidden("Только для сервисов платформы");
  const tenantId = requireTenant(ctx.actor);
  if (!/^\/(?!\/)[\w\-./?=&%]*$/.test(input.path)) throw badInput("path: a portal path starting with /", "path");
  if (!ctx.rt.mailer) throw new Error("identity: no mailer configured");
  const tenant = await ctx.loaders.tenant.load(tenantId);
  if (!tenant) throw forbidden("Нет такого поставщика");
  const recipients = await withTenant(ctx.db, tenantId, (tx) =>
    tx
      .select({ email: users.email, fullName: users.fullName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.tenantId, tenantId),
          eq(memberships.companyId, input.companyId),
          eq(memberships.status, "active"),
          inArray(memberships.role, [...DEALER_ROLES]),
        ),
      )
      .orderBy(asc(users.email)),
  );
  const sep = input.path.includes("?") ? "&" : "?";
  const url = `${ctx.rt.portalUrl}${input.path}${sep}brand=${encodeURIComponent(tenant.slug)}`;
  const notifications = [];
  for (const r of recipients) {
    const text = `Здравствуйте, ${r.fullName}!\n\n${input.text.trim()}\n\n${url}\n\n${tenant.name}`;
    notifications.push(await sendMail(ctx, tenantId, { to: r.email, subject: input.subject, text }));
  }
  if (notifications.length > 0) {
    await audit(ctx, tenantId, {
      action: "company.mailed",
      companyId: input.companyId,
      objects: [{ type: "DealerCompany", id: input.companyId }],
      notifications,
    });
  }
  return notifications.length;
}

export const dealerResolvers = {
  Query: {
    dealerCompanies: (_: unknown, __: unknown, ctx: IdentityContext) => dealerCompaniesOf(ctx),
  },
  Mutation: {
    mailDealerCompany: (_: unknown, args: { input: CompanyMail }, ctx: IdentityContext) =>
      mailDealerCompany(ctx, args.input),
  },
};
