import { newId, withTenant } from "@dpp/db";
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { personalPrices, presentationLines, presentations, priceSettings } from "../db/schema.ts";
import type { CatalogDb } from "../server.ts";
import type { CheckedPresentation } from "./domain.ts";

export type PresentationRow = typeof presentations.$inferSelect;
export type PresentationLineRow = typeof presentationLines.$inferSelect;

/** Whether the tenant's managers send presentations (features.presentations, copied at seed). */
export async function presentationsEnabled(db: CatalogDb, tenantId: string): Promise<boolean> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx.select({ on: priceSettings.presentations }).from(priceSettings).where(eq(priceSettings.tenantId, tenantId)),
  );
  return row?.on ?? false;
}

/** Staff (companyId null): every presentation of the tenant; a dealer: the ones sent to the company. Newest first. */
export function listPresentations(db: CatalogDb, tenantId: string, companyId: string | null) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(presentations)
      .where(
        and(
          eq(presentations.tenantId, tenantId),
          companyId === null ? undefined : and(eq(presentations.companyId, companyId), isNotNull(presentations.sentAt)),
        ),
      )
      .orderBy(desc(presentations.createdAt), desc(presentations.id)),
  );
}

export async function presentationById(db: CatalogDb, tenantId: string, id: string) {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(presentations)
      .where(and(eq(presentations.tenantId, tenantId), eq(presentations.id, id))),
  );
  return row ?? null;
}

/** The lines of several presentations at once, each in display order. */
export function linesOf(db: CatalogDb, tenantId: string, ids: readonly string[]) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(presentationLines)
      .where(and(eq(presentationLines.tenantId, tenantId), inArray(presentationLines.presentationId, [...ids])))
      .orderBy(asc(presentationLines.presentationId), asc(presentationLines.position)),
  );
}

/**
 * Creates (no id) or replaces a draft with its lines, in one transaction; `productIds` maps the
 * checked articles to products. "not_found" / "sent" when the id is unknown / already sent.
 */
export function savePresentation(
  db: CatalogDb,
  tenantId: string,
  id: string | null,
  value: CheckedPresentation,
  productIds: ReadonlyMap<string, string>,
  userId: string,
): Promise<PresentationRow | "not_found" | "sent"> {
  return withTenant(db, tenantId, async (tx) => {
    const fields = {
      companyId: value.companyId,
      title: value.title,
      comment: value.comment,
      discountBp: value.discountBp,
      validUntil: value.validUntil,
    };
    let row: PresentationRow | undefined;
    if (id === null) {
      [row] = await tx
        .insert(presentations)
        .values({ tenantId, id: newId("prs"), createdBy: userId, ...fields })
        .returning();
    } else {
      const [found] = await tx
        .select({ sentAt: presentations.sentAt })
        .from(presentations)
        .where(and(eq(presentations.tenantId, tenantId), eq(presentations.id, id)))
        .for("update");
      if (!found) return "not_found";
      if (found.sentAt !== null) return "sent";
      [row] = await tx
        .update(presentations)
        .set({ ...fields, updatedAt: new Date() })
        .where(and(eq(presentations.tenantId, tenantId), eq(presentations.id, id)))
        .returning();
      await tx
        .delete(presentationLines)
        .where(and(eq(presentationLines.tenantId, tenantId), eq(presentationLines.presentationId, id)));
    }
    if (!row) throw new Error("presentation: save returned no row");
    const presentationId = row.id;
    await tx.insert(presentationLines).values(
      value.lines.map((l, i) => ({
        tenantId,
        presentationId,
        productId: productIds.get(l.article) ?? "",
        position: i + 1,
        quantity: l.quantity,
      })),
    );
    return row;
  });
}

/**
 * Sends a draft: locks it, gives the company the offer's prices from `today` to the last day
 * (personal prices, replacing one of the same first day), marks it sent, then runs `notify`
 * (the e-mail) before committing — if mailing fails, nothing is saved.
 */
export function sendPresentation(
  db: CatalogDb,
  tenantId: string,
  id: string,
  today: string,
  offers: (row: PresentationRow, lines: PresentationLineRow[]) => Promise<{ productId: string; price: number }[]>,
  notify: (row: PresentationRow) => Promise<void>,
): Promise<PresentationRow | "not_found" | "sent"> {
  return withTenant(db, tenantId, async (tx) => {
    const [found] = await tx
      .select()
      .from(presentations)
      .where(and(eq(presentations.tenantId, tenantId), eq(presentations.id, id)))
      .for("update");
    if (!found) return "not_found";
    if (found.sentAt !== null) return "sent";
    const lines = await tx
      .select()
      .from(presentationLines)
      .where(and(eq(presentationLines.tenantId, tenantId), eq(presentationLines.presentationId, id)));
    const prices = await offers(found, lines);
    if (prices.length > 0) {
      await tx
        .insert(personalPrices)
        .values(
          prices.map((p) => ({
            tenantId,
            companyId: found.companyId,
            productId: p.productId,
            price: p.price,
            validFrom: today,
            validUntil: found.validUntil,
          })),
        )
        .onConflictDoUpdate({
          target: [
            personalPrices.tenantId,
            personalPrices.companyId,
            personalPrices.productId,
            personalPrices.validFrom,
          ],
          set: { price: sql`excluded.price`, validUntil: sql`excluded.valid_until` },
        });
    }
    const [sent] = await tx
      .update(presentations)
      .set({ sentAt: new Date() })
      .where(and(eq(presentations.tenantId, tenantId), eq(presentations.id, id)))
      .returning();
    if (!sent) throw new Error("presentation: send returned no row");
    await notify(sent);
    return sent;
  });
}

/** Deletes a draft (its lines go with it); a sent presentation stays. */
export async function deleteDraft(db: CatalogDb, tenantId: string, id: string): Promise<boolean> {
  const rows = await withTenant(db, tenantId, (tx) =>
    tx
      .delete(presentations)
      .where(and(eq(presentations.tenantId, tenantId), eq(presentations.id, id), isNull(presentations.sentAt)))
      .returning({ id: presentations.id }),
  );
  return rows.length > 0;
}
