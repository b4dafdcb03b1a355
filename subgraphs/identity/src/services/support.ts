import { newId, withTenant } from "@dpp/db";
import { and, eq } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import type { Tx } from "../db/queries.ts";
import { actionTokens, auditEvents, tenants } from "../db/schema.ts";
import { formatLinkToken, hashLinkToken, linkVerdict, parseLinkToken } from "../domain/link-token.ts";
import type { FieldProblem } from "../domain/registration.ts";

/** The expected failures of account flows (union members implementing UserError). */
export interface AccountError {
  __typename: "AccountError";
  code:
    | "VALIDATION"
    | "LINK_INVALID"
    | "LINK_EXPIRED"
    | "LINK_USED"
    | "TOO_MANY_ATTEMPTS"
    | "REGISTRATION_CLOSED"
    | "MAIL_UNAVAILABLE"
    | "WRONG_PASSWORD"
    | "WRONG_CODE"
    | "NOT_FOUND"
    | "FORBIDDEN";
  message: string;
  fields: FieldProblem[];
}

export const accountError = (
  code: AccountError["code"],
  message: string,
  fields: FieldProblem[] = [],
): AccountError => ({
  __typename: "AccountError",
  code,
  message,
  fields,
});

export const invalid = (fields: FieldProblem[]) =>
  accountError("VALIDATION", fields.length === 1 ? (fields[0]?.message ?? "") : "Проверьте выделенные поля", fields);

export const tooMany = (seconds: number) =>
  accountError("TOO_MANY_ATTEMPTS", `Слишком много попыток. Повторите через ${Math.ceil(seconds / 60)} мин.`);

/** "Accepted": the same answer whether or not the e-mail has an account (no enumeration). */
export interface Accepted {
  __typename: "Accepted";
  message: string;
}
export const accepted = (message: string): Accepted => ({ __typename: "Accepted", message });

export async function tenantRow(ctx: IdentityContext, slug: string) {
  const [row] = await ctx.db.select().from(tenants).where(eq(tenants.slug, slug));
  return row ?? null;
}

export interface Notification {
  channel: "email";
  to: string;
  subject: string;
}

/** Sends one mail (after the transaction committed); returns what the audit history records. */
export async function sendMail(
  ctx: IdentityContext,
  tenantId: string,
  mail: { to: string; subject: string; text: string },
): Promise<Notification> {
  if (!ctx.rt.mailer) throw new Error("identity: no mailer configured");
  await ctx.rt.mailer.send({ ...mail, tenantId });
  return { channel: "email", to: mail.to, subject: mail.subject };
}

export interface AuditInput {
  action: string;
  companyId?: string | null;
  objects?: { type: string; id: string; label?: string }[];
  notifications?: Notification[];
  /** Overrides the initiator (e.g. an anonymous registrant known by e-mail). */
  actorLabel?: string;
  actorUserId?: string | null;
}

/** Records one event in the tenant's history with the request's IP and initiator. */
export async function audit(ctx: IdentityContext, tenantId: string, input: AuditInput, tx?: Tx): Promise<void> {
  const a = ctx.actor;
  const row = {
    tenantId,
    id: newId("aud"),
    ip: ctx.ip,
    requestId: ctx.requestId,
    actorUserId: input.actorUserId !== undefined ? input.actorUserId : a.kind === "user" ? a.userId : null,
    actorLabel:
      input.actorLabel ??
      (a.kind === "user"
        ? ((await ctx.loaders.user.load(a.userId))?.email ?? a.userId)
        : a.kind === "service"
          ? `сервис ${a.service}`
          : "гость"),
    companyId: input.companyId ?? (a.kind === "user" ? a.companyId : null),
    action: input.action,
    objects: input.objects ?? [],
    notifications: input.notifications ?? [],
  };
  if (tx) await tx.insert(auditEvents).values(row);
  else await withTenant(ctx.db, tenantId, (t) => t.insert(auditEvents).values(row));
}

export type LinkPurpose = (typeof actionTokens.$inferInsert)["purpose"];

/** Stores a single-use link (hashed) and returns the token to put in the mail. */
export async function issueLink(
  ctx: IdentityContext,
  tx: Tx,
  link: {
    tenantId: string;
    purpose: LinkPurpose;
    email: string;
    userId?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<string> {
  const id = newId("lnk");
  const token = formatLinkToken({ tenantId: link.tenantId, tokenId: id });
  await tx.insert(actionTokens).values({
    tenantId: link.tenantId,
    id,
    purpose: link.purpose,
    tokenHash: hashLinkToken(token),
    email: link.email,
    userId: link.userId ?? null,
    data: link.data ?? {},
    expiresAt: new Date(Date.now() + ctx.rt.linkTtlSeconds * 1000),
  });
  return token;
}

export type LinkRow = typeof actionTokens.$inferSelect;

const LINK_MESSAGES = {
  LINK_INVALID: "Ссылка недействительна. Запросите новую.",
  LINK_EXPIRED: "Срок действия ссылки истёк. Запросите новую.",
  LINK_USED: "Ссылка уже была использована. Если это были не вы, запросите новую.",
} as const;

/**
 * Opens a link for `purpose` inside its tenant and, when `consume` is set, runs `fn` and marks the
 * link used in the same transaction (a second click is LINK_USED). A link of another purpose is
 * LINK_INVALID.
 */
export async function useLink<T>(
  ctx: IdentityContext,
  token: string,
  purpose: LinkPurpose,
  fn: (tx: Tx, link: LinkRow) => Promise<T | AccountError>,
  opts: { consume?: boolean } = {},
): Promise<T | AccountError> {
  const parts = parseLinkToken(token.trim());
  if (!parts) return accountError("LINK_INVALID", LINK_MESSAGES.LINK_INVALID);
  return withTenant(ctx.db, parts.tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(actionTokens)
      .where(and(eq(actionTokens.tenantId, parts.tenantId), eq(actionTokens.id, parts.tokenId)))
      .for("update");
    if (!row || row.purpose !== purpose || row.tokenHash !== hashLinkToken(token.trim())) {
      return accountError("LINK_INVALID", LINK_MESSAGES.LINK_INVALID);
    }
    const verdict = linkVerdict(row, new Date());
    if (verdict === "used") return accountError("LINK_USED", LINK_MESSAGES.LINK_USED);
    if (verdict === "expired") return accountError("LINK_EXPIRED", LINK_MESSAGES.LINK_EXPIRED);
    const result = await fn(tx, row);
    const failed =
      typeof result === "object" &&
      result !== null &&
      (result as { __typename?: string }).__typename === "AccountError";
    if (!failed && opts.consume !== false) {
      await tx
        .update(actionTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(actionTokens.tenantId, row.tenantId), eq(actionTokens.id, row.id)));
    }
    return result;
  });
}
