import type { DocumentFormat } from "@dpp/documents";
import { type FinanceContext, requireFinanceViewer } from "../context.ts";
import type { AvailableDocument } from "../domain/documents.ts";
import { signDocumentLink, verifyDocumentLink } from "../links.ts";
import { renderAct, renderOrderDocument } from "../services/documents.ts";
import { type ActLimited, fail, requestAct } from "../services/erp.ts";
import type { ActRow } from "../services/ledger.ts";
import { today } from "../services/ledger.ts";

const asFormat = (f: string) => f as DocumentFormat;

/** Links only for a dealer (a company to scope them to); staff and services get none. */
function scopeOf(ctx: FinanceContext) {
  const a = ctx.actor;
  return a.kind === "user" && a.companyId ? { tenantId: a.tenantId, companyId: a.companyId } : null;
}

export const linkResolvers = {
  Query: {
    documentFile: async (_: unknown, args: { token: string }, ctx: FinanceContext) => {
      const d = requireFinanceViewer(ctx.actor);
      const check = await verifyDocumentLink(ctx.linkSecret, args.token, d);
      if (!check.ok) {
        const messages = {
          LINK_INVALID: "Ссылка на документ недействительна.",
          LINK_EXPIRED: "Срок действия ссылки истек: обновите страницу и скачайте документ снова.",
          LINK_FOREIGN: "Ссылка выдана другому пользователю или компании.",
        };
        return fail(check.code, messages[check.code]);
      }
      const t = check.target;
      return t.kind === "order"
        ? renderOrderDocument(ctx, d.companyId, { orderId: t.orderId, typeCode: t.typeCode, format: t.format })
        : renderAct(ctx, d, { actId: t.actId, format: t.format });
    },
  },
  Mutation: {
    requestReconciliationAct: async (
      _: unknown,
      args: { from?: string | null; to?: string | null; contractId?: string | null },
      ctx: FinanceContext,
    ): Promise<ActRow | ActLimited | ReturnType<typeof fail>> => {
      const d = requireFinanceViewer(ctx.actor);
      const to = args.to ?? today();
      const iso = /^\d{4}-\d{2}-\d{2}$/;
      const from = args.from ?? `${to.slice(0, 4)}-01-01`;
      if (!iso.test(from) || !iso.test(to)) return fail("INVALID_DATE", "Даты периода — в формате ГГГГ-ММ-ДД.");
      return requestAct(ctx.db, d.tenantId, {
        companyId: d.companyId,
        counterpartyId: d.counterpartyId,
        userId: d.userId,
        contractId: args.contractId ?? null,
        from,
        to,
        now: new Date(),
      });
    },
  },
  Document: {
    links: async (doc: AvailableDocument & { orderId: string }, _: unknown, ctx: FinanceContext) => {
      const scope = scopeOf(ctx);
      if (!scope) return [];
      return Promise.all(
        doc.formats.map(async (format) => ({
          format,
          ...(await signDocumentLink(ctx.linkSecret, scope, {
            kind: "order",
            orderId: doc.orderId,
            typeCode: doc.type.code,
            format: asFormat(format),
          })),
        })),
      );
    },
  },
  ReconciliationAct: {
    from: (a: ActRow) => a.periodFrom,
    to: (a: ActRow) => a.periodTo,
    requestedAt: (a: ActRow) => a.requestedAt.toISOString(),
    links: async (a: ActRow, _: unknown, ctx: FinanceContext) => {
      const scope = scopeOf(ctx);
      if (!scope) return [];
      return Promise.all(
        (["pdf", "xlsx"] as const).map(async (format) => ({
          format,
          ...(await signDocumentLink(ctx.linkSecret, scope, { kind: "act", actId: a.id, format })),
        })),
      );
    },
  },
};
