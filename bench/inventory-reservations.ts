import { randomUUID } from "node:crypto";
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signServiceToken } from "@dpp/auth";
import postgres from "postgres";
import { type Stats, stats } from "./src/measure.ts";
import { BENCH_SECRET, startBenchStack } from "./src/stack.ts";

/**
 * Reservations on a few hot SKUs: `reserveOrderStock` called as orders' workflow effect calls it
 * (service token, straight to the inventory subgraph), 32 in flight, each order asking for 1–3 of
 * 3 hot products. Stock covers about half the demand, so the last orders are refused while the
 * rows are contended. Afterwards the oversell count: stock rows whose reserved exceeds what is on
 * hand, and rows whose reserved differs from what active reservations hold (both must be 0).
 */
export async function inventoryReservations(opts: { smoke: boolean }) {
  const orders = opts.smoke ? 300 : 5_000;
  const concurrency = 32;
  const stack = await startBenchStack();
  const admin = postgres(stack.adminUrl, { max: 2, onnotice: () => {} });
  try {
    const tenant = stack.dataset.tenants[0];
    if (!tenant) throw new Error("no demo tenant");
    const hot = tenant.products.slice(0, 3).map((p) => p.id);
    const warehouses = tenant.warehouses.map((w) => w.id);
    const perRow = Math.ceil((orders * 2 * 2) / 2 / (hot.length * warehouses.length));
    await admin`update inventory.stock_levels set quantity = ${perRow}, reserved = 0
      where tenant_id = ${tenant.id} and product_id in ${admin(hot)}`;
    const url = `${stack.platform.urls.inventory}/graphql`;
    const query = `mutation($input: ReserveOrderStockInput!) { reserveOrderStock(input: $input) { __typename } }`;
    let next = 0;
    let reserved = 0;
    let refused = 0;
    const samples: number[] = [];
    const reserve = async (i: number) => {
      const lines = hot
        .filter((_, k) => k === i % 3 || (i + k) % 2 === 0)
        .map((productId, k) => ({ productId, quantity: 1 + ((i + k) % 3) }));
      const requestId = `bench-${randomUUID()}`;
      const token = await signServiceToken("orders", tenant.id, BENCH_SECRET, requestId);
      const t = performance.now();
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
        body: JSON.stringify({ query, variables: { input: { orderId: `ord_bench_${i}`, lines } } }),
      });
      const body = (await res.json()) as { data?: { reserveOrderStock: { __typename: string } }; errors?: unknown };
      samples.push(performance.now() - t);
      if (body.errors || !body.data) throw new Error(`reserveOrderStock failed: ${JSON.stringify(body.errors)}`);
      if (body.data.reserveOrderStock.__typename === "Reservation") reserved++;
      else refused++;
    };
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < orders) await reserve(next++);
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const [over] = await admin<{ oversold: number; mismatched: number; available: number }[]>`
      select count(*) filter (where s.reserved > s.quantity)::int as oversold,
             count(*) filter (where s.reserved <> coalesce(h.q, 0))::int as mismatched,
             sum(s.quantity - s.reserved)::int as available
      from inventory.stock_levels s
      left join (select l.product_id, l.warehouse_id, sum(l.quantity) as q
                 from inventory.reservation_lines l join inventory.reservations r using (tenant_id, order_id)
                 where l.tenant_id = ${tenant.id} and r.status = 'active' group by 1, 2) h
        on h.product_id = s.product_id and h.warehouse_id = s.warehouse_id
      where s.tenant_id = ${tenant.id} and s.product_id in ${admin(hot)}`;
    const latency: Stats = stats(samples);
    return {
      orders,
      concurrency,
      hotSkus: hot.length,
      warehouses: warehouses.length,
      reservationsPerSecond: Math.round((orders / seconds) * 10) / 10,
      reserved,
      refused,
      oversold: over?.oversold ?? -1,
      reservedMismatch: over?.mismatched ?? -1,
      availableLeft: over?.available ?? -1,
      latency,
    };
  } finally {
    await admin.end();
    await stack.stop();
  }
}
