import { createHash } from "node:crypto";
import type { UserActor } from "@dpp/auth";
import { withTenant } from "@dpp/db";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { GraphQLError } from "graphql";
import type { IdentityContext } from "../context.ts";
import { membershipsOfUser } from "../db/queries.ts";
import { auditEvents, memberships, users } from "../db/schema.ts";
import { counterpartiesOf } from "./sessions.ts";

/** The viewer's membership in the session's tenant (for the company the token names). */
async function viewerMembership(ctx: IdentityContext, a: UserActor) {
  const all = await membershipsOfUser(ctx.db, a.userId);
  return all.find((m) => m.tenantId === a.tenantId && m.companyId === a.companyId) ?? null;
}

/** The counterparties the viewer may switch to in this tenant. */
export async function viewerCounterparties(ctx: IdentityContext, a: UserActor) {
  const m = await viewerMembership(ctx, a);
  if (!m?.companyId) return [];
  const ids = new Set(await counterpartiesOf(ctx.rt, m));
  return (await ctx.loaders.counterparties.load(m.companyId)).filter((c) => ids.has(c.id));
}

/** The counterparty the session acts for, as the token names it (only if still one of the company's). */
export async function viewerCounterparty(ctx: IdentityContext, a: UserActor) {
  if (!a.counterpartyId || !a.companyId) return null;
  return (await ctx.loaders.counterparties.load(a.companyId)).find((c) => c.id === a.counterpartyId) ?? null;
}

/**
 * The dealer's personal manager in this tenant: the one assigned to the viewer's own cabinet, else
 * the company's (its dealer admin's first). Null for staff and for dealers in the managers' pool.
 */
export async function viewerPersonalManager(ctx: IdentityContext, a: UserActor): Promise<string | null> {
  const companyId = a.companyId;
  if (!companyId) return null;
  const own = await viewerMembership(ctx, a);
  if (own?.managerUserId) return own.managerUserId;
  const [company] = await withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .select({ managerUserId: memberships.managerUserId })
      .from(memberships)
      .where(
        and(
          eq(memberships.tenantId, a.tenantId),
          eq(memberships.companyId, companyId),
          isNotNull(memberships.managerUserId),
        ),
      )
      .orderBy(sql`${memberships.role} = 'dealer_admin' desc`, asc(memberships.createdAt))
      .limit(1),
  );
  return company?.managerUserId ?? null;
}

export async function viewerStatus(ctx: IdentityContext, a: UserActor) {
  return (await viewerMembership(ctx, a))?.status ?? "active";
}

export async function viewerMustChangePassword(ctx: IdentityContext, a: UserActor) {
  const [u] = await ctx.db.select({ v: users.mustChangePassword }).from(users).where(eq(users.id, a.userId));
  return u?.v ?? false;
}

export interface RecordAuditEventInput {
  sourceEventId: string;
  source: string;
  action: string;
  occurredAt: string;
  actorUserId?: string | null;
  companyId?: string | null;
  objects: { type: string; id: string; label?: string | null }[];
}

const ACTION = /^[a-z_]+(\.[a-z_]+)+$/;
const SOURCE = /^[a-z_]+$/;

/**
 * Another subgraph's action, delivered by the outbox worker with a service token for the event's
 * tenant. The entry id is derived from (source, sourceEventId): a redelivered event is stored once.
 */
export async function recordAuditEvent(ctx: IdentityContext, input: RecordAuditEventInput): Promise<boolean> {
  const a = ctx.actor;
  if (a.kind !== "service" || !a.tenantId) {
    throw new GraphQLError("Только для внутренних сервисов платформы", { extensions: { code: "FORBIDDEN" } });
  }
  const occurredAt = new Date(input.occurredAt);
  if (!ACTION.test(input.action) || !SOURCE.test(input.source) || Number.isNaN(occurredAt.getTime())) {
    throw new GraphQLError("recordAuditEvent: action, source or occurredAt is malformed", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  const tenantId = a.tenantId;
  const user = input.actorUserId ? await ctx.loaders.user.load(input.actorUserId) : null;
  const digest = createHash("sha256").update(`${input.source}:${input.sourceEventId}`).digest("hex").slice(0, 24);
  const inserted = await withTenant(ctx.db, tenantId, (tx) =>
    tx
      .insert(auditEvents)
      .values({
        tenantId,
        id: `aud_${input.source}_${digest}`,
        occurredAt,
        ip: null,
        requestId: ctx.requestId,
        actorUserId: input.actorUserId ?? null,
        actorLabel: user?.email ?? (input.actorUserId ? input.actorUserId : "система"),
        companyId: input.companyId ?? null,
        action: input.action,
        objects: input.objects.map((o) => ({ type: o.type, id: o.id, ...(o.label ? { label: o.label } : {}) })),
        notifications: [],
        source: input.source,
      })
      .onConflictDoNothing()
      .returning({ id: auditEvents.id }),
  );
  return inserted.length > 0;
}
