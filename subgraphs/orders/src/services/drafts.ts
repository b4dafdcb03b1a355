import { newId, withTenant } from "@dpp/db";
import { lineSnapshot } from "../clients/catalog.ts";
import type { OrdersContext } from "../context.ts";
import {
  activeDraftOf,
  deleteOrder,
  insertLine,
  insertOrder,
  linesOf,
  lockOrder,
  newestDraft,
  type OrderRow,
  type OrdersTx,
  ordersByIds,
  renameOrder,
  setActiveDraft,
  updateLine,
} from "../db/queries.ts";
import { notADraft, notFound, type OrderFailure } from "../domain/errors.ts";
import { normalizeQuantity } from "../domain/quantity.ts";
import { DRAFT_STATUS } from "../domain/workflow.ts";

/** The dealer user's draft list helpers: one active draft per user, several drafts where the tenant allows. */

const normalizeName = (name: string | null | undefined) => name?.trim().slice(0, 200) || null;

/**
 * A new draft made active for the caller. Where the tenant keeps one cart per company, the
 * company's existing draft is returned (and made active) instead of a second one.
 */
export async function createDraft(ctx: OrdersContext, input: { name: string | null }): Promise<OrderRow> {
  const d = ctx.dealer();
  const settings = await ctx.settings();
  return withTenant(ctx.db, d.tenantId, async (tx) => {
    const draft =
      (!settings.multipleDrafts && (await newestDraft(tx, d.scope))) ||
      (await insertOrder(tx, {
        tenantId: d.tenantId,
        id: newId("ord"),
        companyId: d.companyId,
        userId: d.userId,
        isDraft: true,
        name: normalizeName(input.name),
        statusCode: DRAFT_STATUS.code,
        currency: settings.currency,
      }));
    await setActiveDraft(tx, d, draft.id);
    return draft;
  });
}

/** The caller's active draft; without one, the company's newest draft; null when it has none. */
export async function activeDraft(ctx: OrdersContext): Promise<OrderRow | null> {
  const d = ctx.dealer();
  return withTenant(ctx.db, d.tenantId, async (tx) => {
    const active = await activeDraftOf(tx, d);
    // A user limited to own orders never gets a colleague's draft, even one made active before.
    if (active && (!d.scope.userId || active.userId === d.userId)) return active;
    return newestDraft(tx, d.scope);
  });
}

/** Runs `change` on one locked draft of the caller's company. */
async function withDraft<T>(
  ctx: OrdersContext,
  orderId: string,
  change: (tx: OrdersTx, draft: OrderRow) => Promise<T>,
): Promise<T | OrderFailure> {
  const d = ctx.dealer();
  const result = await withTenant(ctx.db, d.tenantId, async (tx) => {
    const draft = await lockOrder(tx, d.scope, orderId);
    if (!draft) return notFound();
    if (!draft.isDraft) return notADraft();
    return change(tx, draft);
  });
  ctx.forget(orderId);
  return result;
}

export const switchActiveDraft = (ctx: OrdersContext, orderId: string) =>
  withDraft(ctx, orderId, async (tx, draft) => {
    await setActiveDraft(tx, ctx.dealer(), draft.id);
    return draft;
  });

export const renameDraft = (ctx: OrdersContext, input: { orderId: string; name: string | null }) =>
  withDraft(ctx, input.orderId, (tx, draft) => renameOrder(tx, draft.tenantId, draft.id, normalizeName(input.name)));

export const deleteDraft = (ctx: OrdersContext, orderId: string) =>
  withDraft(ctx, orderId, async (tx, draft) => {
    await deleteOrder(tx, draft.tenantId, draft.id);
    return { __typename: "DeletedDraft" as const, id: draft.id };
  });

/**
 * Copies any order of the company (draft, active or finished) into a draft at today's prices,
 * pack rounding and minimums: a new draft where the tenant keeps several, else the company's cart
 * (quantities added to its lines). Products no longer in the catalog are left out and named.
 */
export async function copyOrderToDraft(
  ctx: OrdersContext,
  input: { orderId: string; name: string | null },
): Promise<{ draft: OrderRow; leftOut: string[] } | OrderFailure> {
  const d = ctx.dealer();
  const scope = d.scope;
  const [source] = await ordersByIds(ctx.db, scope, [input.orderId]);
  if (!source) return notFound();
  const settings = await ctx.settings();
  const sourceLines = await withTenant(ctx.db, d.tenantId, (tx) => linesOf(tx, d.tenantId, [source.id]));
  const priced = await Promise.all(sourceLines.map((l) => ctx.catalog().load({ by: "id", id: l.productId })));
  const leftOut = sourceLines.filter((_, i) => !priced[i]).map((l) => l.article);
  const rules = { packRounding: settings.packRounding };
  const name =
    normalizeName(input.name) ??
    (source.isDraft ? `Копия «${source.name ?? "черновик"}»` : `Копия заказа № ${source.number}`);
  const draft = await withTenant(ctx.db, d.tenantId, async (tx) => {
    const target =
      (!settings.multipleDrafts && (await newestDraft(tx, scope))) ||
      (await insertOrder(tx, {
        tenantId: d.tenantId,
        id: newId("ord"),
        companyId: d.companyId,
        userId: d.userId,
        isDraft: true,
        name,
        statusCode: DRAFT_STATUS.code,
        currency: settings.currency,
      }));
    const existing = await linesOf(tx, d.tenantId, [target.id]);
    for (const [i, line] of sourceLines.entries()) {
      const p = priced[i];
      if (!p || p.currency !== target.currency) continue;
      const current = existing.find((l) => l.productId === p.id);
      const q = normalizeQuantity((current?.quantity ?? 0) + line.quantity, { ...p, ...rules });
      if ("kind" in q) {
        leftOut.push(line.article);
        continue;
      }
      const snapshot = { ...lineSnapshot(p), quantity: q.quantity };
      if (current) await updateLine(tx, d.tenantId, current.id, snapshot);
      else await insertLine(tx, { tenantId: d.tenantId, id: newId("oln"), orderId: target.id, ...snapshot });
    }
    await setActiveDraft(tx, d, target.id);
    return target;
  });
  ctx.forget(draft.id);
  return { draft, leftOut };
}
