import type { Actor } from "@dpp/auth";
import { withTenant } from "@dpp/db";
import { badInput, forbidden, requireTenant } from "@dpp/server";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { CatalogContext } from "../context.ts";
import { nomenclatureSubscriptions as subs } from "../db/schema.ts";
import { NOMENCLATURE_RIGHT, nomenclatureFile } from "../services/nomenclature.ts";

/** Builds a catalog context that prices as a dealer company (the daily file carries its prices). */
export type CompanyContext = (companyId: string) => CatalogContext;
type Ctx = CatalogContext & { asCompany: CompanyContext };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A dealer user with the nomenclature right; anyone else is refused. */
function subscriber(actor: Actor) {
  if (actor.kind !== "user" || !actor.companyId || !actor.permissions.includes(NOMENCLATURE_RIGHT)) {
    throw forbidden("Нет права на получение номенклатурного файла");
  }
  return { tenantId: actor.tenantId, userId: actor.userId, companyId: actor.companyId };
}

function service(ctx: Ctx, day?: string) {
  if (ctx.actor.kind !== "service") throw forbidden("Только для служб платформы");
  if (day !== undefined && !ISO_DAY.test(day)) throw badInput("day: YYYY-MM-DD", "day");
  return requireTenant(ctx.actor);
}

export async function subscribed(ctx: Ctx): Promise<boolean> {
  const s = subscriber(ctx.actor);
  const rows = await withTenant(ctx.db, s.tenantId, (tx) =>
    tx
      .select({ userId: subs.userId })
      .from(subs)
      .where(and(eq(subs.tenantId, s.tenantId), eq(subs.userId, s.userId), eq(subs.companyId, s.companyId))),
  );
  return rows.length > 0;
}

export async function setSubscription(ctx: Ctx, on: boolean): Promise<boolean> {
  const s = subscriber(ctx.actor);
  await withTenant(ctx.db, s.tenantId, async (tx) => {
    if (on) await tx.insert(subs).values(s).onConflictDoNothing();
    else
      await tx
        .delete(subs)
        .where(and(eq(subs.tenantId, s.tenantId), eq(subs.userId, s.userId), eq(subs.companyId, s.companyId)));
  });
  return on;
}

export function deliveries(ctx: Ctx, day: string) {
  const tenantId = service(ctx, day);
  return withTenant(ctx.db, tenantId, (tx) =>
    tx
      .select({ userId: subs.userId, companyId: subs.companyId })
      .from(subs)
      .where(and(eq(subs.tenantId, tenantId), or(isNull(subs.lastMailedOn), lt(subs.lastMailedOn, day))))
      .orderBy(subs.companyId, subs.userId),
  );
}

export function fileForCompany(ctx: Ctx, companyId: string) {
  service(ctx);
  return nomenclatureFile(ctx.asCompany(companyId));
}

export async function markMailed(ctx: Ctx, userId: string, companyId: string, day: string): Promise<boolean> {
  const tenantId = service(ctx, day);
  const rows = await withTenant(ctx.db, tenantId, (tx) =>
    tx
      .update(subs)
      .set({ lastMailedOn: day })
      .where(and(eq(subs.tenantId, tenantId), eq(subs.userId, userId), eq(subs.companyId, companyId)))
      .returning({ userId: subs.userId }),
  );
  return rows.length > 0;
}

export const nomenclatureMailResolvers = {
  Query: {
    nomenclatureSubscription: (_: unknown, __: unknown, ctx: Ctx) => subscribed(ctx),
    nomenclatureDeliveries: (_: unknown, a: { day: string }, ctx: Ctx) => deliveries(ctx, a.day),
    nomenclatureFileForCompany: (_: unknown, a: { companyId: string }, ctx: Ctx) => fileForCompany(ctx, a.companyId),
  },
  Mutation: {
    setNomenclatureSubscription: (_: unknown, a: { subscribed: boolean }, ctx: Ctx) =>
      setSubscription(ctx, a.subscribed),
    markNomenclatureMailed: (_: unknown, a: { userId: string; companyId: string; day: string }, ctx: Ctx) =>
      markMailed(ctx, a.userId, a.companyId, a.day),
  },
};
