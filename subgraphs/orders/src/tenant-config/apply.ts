import { withTenant } from "@dpp/db";
import { forbidden, requireTenant } from "@dpp/server";
import { parseTenantDefinition } from "@dpp/tenant";
import { eq } from "drizzle-orm";
import type { OrdersContext } from "../context.ts";
import { latestWorkflow } from "../db/queries.ts";
import { tenantConfig, tenantSettings } from "../db/schema.ts";
import { orderSettingsOf, seedOrders } from "../seed.ts";

/**
 * Orders' part of a tenant definition (decision 0018). A tenant without a workflow (a new one) is
 * set up by the seed code: its definition's workflow becomes version 1. Otherwise only the order
 * settings follow the definition; the workflow's later versions are edited here, not through it.
 * Skipped (false) when this version or a later one is already applied.
 */
export async function applyTenantDefinition(ctx: OrdersContext, input: unknown, version: number): Promise<boolean> {
  if (ctx.actor.kind !== "service") throw forbidden("Только для служб платформы");
  const tenantId = requireTenant(ctx.actor);
  const definition = parseTenantDefinition(input);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const [applied] = await tx.select().from(tenantConfig).where(eq(tenantConfig.tenantId, tenantId)).for("update");
    if (applied && applied.version >= version) return false;
    if (!(await latestWorkflow(tx, tenantId))) {
      await seedOrders(tx as unknown as Parameters<typeof seedOrders>[0], [{ id: tenantId, definition }]);
    } else {
      await tx.update(tenantSettings).set(orderSettingsOf(definition)).where(eq(tenantSettings.tenantId, tenantId));
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
    applyTenantDefinition: (_: unknown, a: { definition: unknown; version: number }, ctx: OrdersContext) =>
      applyTenantDefinition(ctx, a.definition, a.version),
  },
};
