import { withTenant } from "@dpp/db";
import { badInput, forbidden, requireTenant } from "@dpp/server";
import { sql } from "drizzle-orm";
import type { OrdersContext } from "../context.ts";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One statement: the company's submitted orders since the day, without those whose status is of
 * category "cancelled" in the workflow version the order runs under, summed over their lines.
 */
export async function companyTurnover(ctx: OrdersContext, companyId: string, since: string | null): Promise<number> {
  if (ctx.actor.kind !== "service") throw forbidden("Только для служб платформы");
  const tenantId = requireTenant(ctx.actor);
  if (since !== null && !ISO_DAY.test(since)) throw badInput("since: YYYY-MM-DD", "since");
  const [row] = await withTenant(ctx.db, tenantId, (tx) =>
    tx.execute<{ total: string }>(sql`
      select coalesce(sum(l.unit_price * l.quantity), 0)::text as total
      from orders.orders o
      join orders.order_lines l on l.tenant_id = o.tenant_id and l.order_id = o.id
      where o.tenant_id = ${tenantId}
        and o.company_id = ${companyId}
        and not o.is_draft
        and (${since}::date is null or o.submitted_at >= (${since}::date::timestamp at time zone 'Europe/Moscow'))
        and not exists (
          select 1
          from orders.workflows w, jsonb_array_elements(w.definition -> 'statuses') s
          where w.tenant_id = o.tenant_id and w.version = o.workflow_version
            and s ->> 'code' = o.status_code and s ->> 'category' = 'cancelled'
        )`),
  );
  const total = Number(row?.total ?? 0);
  if (!Number.isSafeInteger(total)) throw new Error("companyTurnover: total out of range");
  return total;
}

export const turnoverResolvers = {
  Query: {
    companyTurnover: (_: unknown, a: { companyId: string; since?: string | null }, ctx: OrdersContext) =>
      companyTurnover(ctx, a.companyId, a.since ?? null),
  },
};
