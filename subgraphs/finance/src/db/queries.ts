import { withTenant } from "@dpp/db";
import { asc, eq } from "drizzle-orm";
import type { FinanceDb } from "../server.ts";
import { documentTypes } from "./schema.ts";

export type DocumentTypeRow = typeof documentTypes.$inferSelect;

export function documentTypesOf(db: FinanceDb, tenantId: string): Promise<DocumentTypeRow[]> {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(documentTypes)
      .where(eq(documentTypes.tenantId, tenantId))
      .orderBy(asc(documentTypes.position), asc(documentTypes.code)),
  );
}
