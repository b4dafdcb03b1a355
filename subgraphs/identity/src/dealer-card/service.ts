import { withTenant } from "@dpp/db";
import { and, desc, eq } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { auditEvents, memberships, users } from "../db/schema.ts";
import { requireStaff } from "../services/access.ts";
import { accountError } from "../services/support.ts";
import { mayOpenDealerCard } from "./access.ts";

/** Staff: a dealer company's card (its logins and personal manager), or why it is refused. */
export async function dealerCard(ctx: IdentityContext, companyId: string) {
  const a = requireStaff(ctx);
  const logins = await withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .select({ m: memberships, email: users.email, fullName: users.fullName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, a.tenantId), eq(memberships.companyId, companyId)))
      .orderBy(users.email)
      .then((rows) => rows.map((r) => ({ ...r.m, email: r.email, fullName: r.fullName }))),
  );
  if (logins.length === 0) return accountError("NOT_FOUND", "Такого дилера у поставщика нет");
  if (
    !mayOpenDealerCard(
      a,
      logins.map((l) => l.managerUserId),
    )
  )
    return accountError("FORBIDDEN", "Это дилер другого менеджера: карточку открывает его менеджер или администратор");
  const admin = logins.find((l) => l.role === "dealer_admin" && l.managerUserId) ?? logins.find((l) => l.managerUserId);
  return {
    __typename: "DealerCard" as const,
    tenantId: a.tenantId,
    companyId,
    users: logins,
    personalManagerUserId: admin?.managerUserId ?? null,
  };
}

export type DealerCardRow = Exclude<Awaited<ReturnType<typeof dealerCard>>, { __typename: "AccountError" }>;

/** The company's latest history in the tenant. */
export function companyHistory(ctx: IdentityContext, card: DealerCardRow, first: number) {
  return withTenant(ctx.db, card.tenantId, (tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, card.tenantId), eq(auditEvents.companyId, card.companyId)))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(Math.min(Math.max(first, 1), 100)),
  );
}

type Ctx = IdentityContext;
/** Resolvers of the dealer card (dealer-card/schema.graphql). */
export const dealerCardResolvers = {
  Query: {
    dealerCard: (_: unknown, a: { companyId: string }, ctx: Ctx) => dealerCard(ctx, a.companyId),
  },
  DealerCardResult: { __resolveType: (r: { __typename: string }) => r.__typename },
  DealerCard: {
    company: (c: DealerCardRow, _: unknown, ctx: Ctx) => ctx.loaders.company.load(c.companyId),
    users: (c: DealerCardRow) => c.users.map((u) => ({ ...u, __typename: "CompanyUser" })),
    personalManager: (c: DealerCardRow, _: unknown, ctx: Ctx) =>
      c.personalManagerUserId ? ctx.loaders.user.load(c.personalManagerUserId) : null,
    history: (c: DealerCardRow, a: { first?: number | null }, ctx: Ctx) => companyHistory(ctx, c, a.first ?? 20),
  },
};
