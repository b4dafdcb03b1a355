import { newId, withTenant } from "@dpp/db";
import { and, asc, desc, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { Promotion } from "../domain/promotions.ts";
import type { CatalogDb } from "../server.ts";
import { promotions } from "./schema.ts";

const columns = {
  id: promotions.id,
  title: promotions.title,
  body: promotions.body,
  imageUrl: promotions.imageUrl,
  audience: promotions.audience,
  companyIds: promotions.companyIds,
  validFrom: promotions.validFrom,
  validUntil: promotions.validUntil,
};

/** The tenant's promotions in force on `day`, newest first. */
export function currentPromotions(db: CatalogDb, tenantId: string, day: string): Promise<Promotion[]> {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select(columns)
      .from(promotions)
      .where(
        and(
          eq(promotions.tenantId, tenantId),
          lte(promotions.validFrom, day),
          or(isNull(promotions.validUntil), gte(promotions.validUntil, day)),
        ),
      )
      .orderBy(desc(promotions.validFrom), asc(promotions.title)),
  );
}

/** Creates (no id) or replaces (an id of the tenant) a promotion; null when the id is unknown. */
export function savePromotion(
  db: CatalogDb,
  tenantId: string,
  id: string | null,
  value: Omit<Promotion, "id">,
): Promise<Promotion | null> {
  return withTenant(db, tenantId, async (tx) => {
    if (id === null) {
      const [row] = await tx
        .insert(promotions)
        .values({ tenantId, id: newId("prm"), ...value })
        .returning(columns);
      return row ?? null;
    }
    const [row] = await tx
      .update(promotions)
      .set(value)
      .where(and(eq(promotions.tenantId, tenantId), eq(promotions.id, id)))
      .returning(columns);
    return row ?? null;
  });
}

export async function deletePromotion(db: CatalogDb, tenantId: string, id: string): Promise<boolean> {
  const rows = await withTenant(db, tenantId, (tx) =>
    tx
      .delete(promotions)
      .where(and(eq(promotions.tenantId, tenantId), eq(promotions.id, id)))
      .returning({ id: promotions.id }),
  );
  return rows.length > 0;
}
