import { newId, withTenant } from "@dpp/db";
import { and, asc, eq, sql } from "drizzle-orm";
import type { ResolvedStockRow } from "../domain/stock-update.ts";
import type { InventoryDb } from "../server.ts";
import { distributorStock, distributorWarehouses } from "./schema.ts";

export type DistributorWarehouseRow = typeof distributorWarehouses.$inferSelect;
export interface DistributorWarehouseInput {
  code: string;
  name: string;
  address: string;
  contacts: string;
}

const ofCompany = (tenantId: string, companyId: string) =>
  and(eq(distributorWarehouses.tenantId, tenantId), eq(distributorWarehouses.companyId, companyId));

export function companyWarehouses(db: InventoryDb, tenantId: string, companyId: string) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(distributorWarehouses)
      .where(ofCompany(tenantId, companyId))
      .orderBy(asc(distributorWarehouses.code)),
  );
}

/** Adds or updates warehouses by code, all in one transaction. */
export function upsertCompanyWarehouses(
  db: InventoryDb,
  tenantId: string,
  companyId: string,
  rows: readonly DistributorWarehouseInput[],
) {
  return withTenant(db, tenantId, async (tx) => {
    if (rows.length === 0) return 0;
    const saved = await tx
      .insert(distributorWarehouses)
      .values(rows.map((r) => ({ ...r, tenantId, companyId, id: newId("dwh") })))
      .onConflictDoUpdate({
        target: [distributorWarehouses.tenantId, distributorWarehouses.companyId, distributorWarehouses.code],
        set: {
          name: sql`excluded.name`,
          address: sql`excluded.address`,
          contacts: sql`excluded.contacts`,
        },
      })
      .returning({ id: distributorWarehouses.id });
    return saved.length;
  });
}

/** Replaces the company's whole stock with these rows in one transaction; returns rows stored. */
export function replaceCompanyStock(
  db: InventoryDb,
  tenantId: string,
  companyId: string,
  rows: readonly ResolvedStockRow[],
): Promise<number> {
  return withTenant(db, tenantId, async (tx) => {
    await tx
      .delete(distributorStock)
      .where(and(eq(distributorStock.tenantId, tenantId), eq(distributorStock.companyId, companyId)));
    if (rows.length === 0) return 0;
    const data = JSON.stringify(rows.map((r) => ({ w: r.warehouseId, p: r.productId, q: r.quantity, l: r.link })));
    const inserted = await tx.execute(sql`
      insert into inventory.distributor_stock (tenant_id, warehouse_id, product_id, company_id, quantity, link)
      select ${tenantId}, u.w, u.p, ${companyId}, u.q, u.l
      from jsonb_to_recordset(${data}::jsonb) as u(w text, p text, q int, l text)`);
    return inserted.count ?? rows.length;
  });
}

export function deleteCompanyStock(db: InventoryDb, tenantId: string, companyId: string): Promise<number> {
  return withTenant(db, tenantId, async (tx) => {
    const gone = await tx
      .delete(distributorStock)
      .where(and(eq(distributorStock.tenantId, tenantId), eq(distributorStock.companyId, companyId)))
      .returning({ productId: distributorStock.productId });
    return gone.length;
  });
}

/** The company's stock with its warehouses, for the Excel export. */
export function companyStock(db: InventoryDb, tenantId: string, companyId: string) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select({
        warehouseCode: distributorWarehouses.code,
        productId: distributorStock.productId,
        quantity: distributorStock.quantity,
        link: distributorStock.link,
        uploadedAt: distributorStock.uploadedAt,
      })
      .from(distributorStock)
      .innerJoin(
        distributorWarehouses,
        and(
          eq(distributorWarehouses.tenantId, distributorStock.tenantId),
          eq(distributorWarehouses.id, distributorStock.warehouseId),
        ),
      )
      .where(and(eq(distributorStock.tenantId, tenantId), eq(distributorStock.companyId, companyId)))
      .orderBy(asc(distributorWarehouses.code), asc(distributorStock.productId)),
  );
}

/** Every distributor's stock of these products (the product card's "у дистрибьюторов"). */
export function distributorOffers(db: InventoryDb, tenantId: string, productIds: readonly string[]) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select({
        productId: distributorStock.productId,
        name: distributorWarehouses.name,
        address: distributorWarehouses.address,
        contacts: distributorWarehouses.contacts,
        quantity: distributorStock.quantity,
        link: distributorStock.link,
        uploadedAt: distributorStock.uploadedAt,
      })
      .from(distributorStock)
      .innerJoin(
        distributorWarehouses,
        and(
          eq(distributorWarehouses.tenantId, distributorStock.tenantId),
          eq(distributorWarehouses.id, distributorStock.warehouseId),
        ),
      )
      .where(
        and(
          eq(distributorStock.tenantId, tenantId),
          sql`${distributorStock.productId} in (select jsonb_array_elements_text(${JSON.stringify(productIds)}::jsonb))`,
          sql`${distributorStock.quantity} > 0`,
        ),
      )
      .orderBy(asc(distributorWarehouses.name)),
  );
}
