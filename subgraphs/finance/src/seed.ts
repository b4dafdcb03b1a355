import { withTenant } from "@dpp/db";
import type { TenantDefinition } from "@dpp/tenant";
import { documentTypes } from "./db/schema.ts";
import type { FinanceDb } from "./server.ts";

export interface FinanceSeedTenant {
  id: string;
  /** A full TenantDefinition fits; finance reads only its document types. */
  definition: Pick<TenantDefinition, "documentTypes">;
}

/** Idempotent: inserts the document types a tenant does not have yet, leaves existing ones alone. */
export async function seedFinance(db: FinanceDb, tenants: FinanceSeedTenant[]): Promise<void> {
  for (const t of tenants) {
    if (t.definition.documentTypes.length === 0) continue;
    await withTenant(db, t.id, async (tx) => {
      await tx
        .insert(documentTypes)
        .values(
          t.definition.documentTypes.map((d, position) => ({
            tenantId: t.id,
            code: d.code,
            label: d.label,
            formats: [...d.formats],
            availableAt: [...d.availableAt],
            position,
          })),
        )
        .onConflictDoNothing();
    });
  }
}
