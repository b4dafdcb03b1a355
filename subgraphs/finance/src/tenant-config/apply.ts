import { withTenant } from "@dpp/db";
import { forbidden, requireTenant } from "@dpp/server";
import { parseTenantDefinition } from "@dpp/tenant";
import { and, eq, notInArray } from "drizzle-orm";
import type { FinanceContext } from "../context.ts";
import { documentTypes, tenantConfig } from "../db/schema.ts";
import { seedFinance } from "../seed.ts";

/**
 * Finance's part of a tenant definition (decision 0018): the seed code inserts what is missing and
 * brings the settings up to date; document types are then made exactly the definition's list
 * (labels, formats, the statuses they are available at, order). Skipped (false) when this version
 * or a later one is already applied.
 */
export async function applyTenantDefinition(ctx: FinanceContext, input: unknown, version: number): Promise<boolean> {
  if (ctx.actor.kind !== "service") throw forbidden("Только для служб платформы");
  const tenantId = requireTenant(ctx.actor);
  const definition = parseTenantDefinition(input);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const [applied] = await tx.select().from(tenantConfig).where(eq(tenantConfig.tenantId, tenantId)).for("update");
    if (applied && applied.version >= version) return false;
    await seedFinance(tx as unknown as Parameters<typeof seedFinance>[0], [{ id: tenantId, definition }]);
    const codes = definition.documentTypes.map((d) => d.code);
    await tx
      .delete(documentTypes)
      .where(
        codes.length > 0
          ? and(eq(documentTypes.tenantId, tenantId), notInArray(documentTypes.code, codes))
          : eq(documentTypes.tenantId, tenantId),
      );
    for (const [position, d] of definition.documentTypes.entries()) {
      await tx
        .update(documentTypes)
        .set({ label: d.label, formats: [...d.formats], availableAt: [...d.availableAt], position })
        .where(and(eq(documentTypes.tenantId, tenantId), eq(documentTypes.code, d.code)));
    }
    await tx
      .insert(tenantConfig)
      .values({ tenantId, version })
      .onConflictDoUpdate({ target: tenantConfig.tenantId, set: { version, appliedAt: new Date() } });
    return true;
  });
}

export const tenantConfigResolvers = {
  Mutation: {
    applyTenantDefinition: (_: unknown, a: { definition: unknown; version: number }, ctx: FinanceContext) =>
      applyTenantDefinition(ctx, a.definition, a.version),
  },
};
