import { randomUUID } from "node:crypto";
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signServiceToken } from "@dpp/auth";
import { withTenant } from "@dpp/db";
import { sql } from "drizzle-orm";
import type { Task } from "graphile-worker";
import { z } from "zod";
import type { WorkerDb } from "./outbox.ts";

/** A subgraph that keeps settings from tenant definitions: its name and base URL. */
export interface TenantConfigTarget {
  name: string;
  url: string;
}

export interface TenantConfigDeps {
  /** The app-role pool: identity's versions are read within withTenant. */
  db: WorkerDb;
  /** Every subgraph with an `applyTenantDefinition` mutation (catalog, orders, finance, inventory). */
  targets: readonly TenantConfigTarget[];
  internalTokenSecret: string;
  timeoutMs?: number;
}

const jobSchema = z.object({ tenantId: z.string().min(1), version: z.number().int().positive() });
const responseSchema = z.object({
  data: z.object({ applyTenantDefinition: z.boolean() }).nullish(),
  errors: z.array(z.object({ message: z.string() })).nullish(),
});

const MUTATION = `mutation($definition: JSON!, $version: Int!) {
  applyTenantDefinition(definition: $definition, version: $version) }`;

/** Calls one subgraph's applyTenantDefinition as the worker, for the tenant; throws on any error. */
async function applyAt(
  deps: TenantConfigDeps,
  target: TenantConfigTarget,
  tenantId: string,
  definition: unknown,
  version: number,
): Promise<boolean> {
  const requestId = `wrk-${randomUUID()}`;
  const token = await signServiceToken("worker", tenantId, deps.internalTokenSecret, requestId);
  const res = await fetch(`${target.url.replace(/\/+$/, "")}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
    body: JSON.stringify({ query: MUTATION, variables: { definition, version } }),
    signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
  });
  const body = responseSchema.parse(await res.json());
  const first = body.errors?.[0];
  if (first) throw new Error(`${target.name}: ${first.message}`);
  if (!res.ok || !body.data) throw new Error(`${target.name}: HTTP ${res.status}`);
  return body.data.applyTenantDefinition;
}

/**
 * The graphile-worker task `tenant_config` (decision 0018), enqueued by identity for every saved
 * version, one tenant's jobs in one named queue (one at a time). It delivers the tenant's latest
 * version — an older job whose version has been superseded stops, the newer job delivers — to
 * every target; each target skips a version it already has, so a retry after a partial failure
 * only does what is left. A failure throws and graphile-worker retries with its backoff.
 */
export function createTenantConfigTask(deps: TenantConfigDeps): Task {
  return async (payload, helpers) => {
    const job = jobSchema.parse(payload);
    const latest = await withTenant(deps.db, job.tenantId, async (tx) => {
      const rows = await tx.execute<{ version: number; definition: unknown }>(
        sql`select version, definition from identity.tenant_config_versions
            where tenant_id = ${job.tenantId} order by version desc limit 1`,
      );
      return rows[0] ?? null;
    });
    if (!latest || latest.version > job.version) return;
    const failures: string[] = [];
    for (const target of deps.targets) {
      try {
        const applied = await applyAt(deps, target, job.tenantId, latest.definition, latest.version);
        helpers.logger.info(
          `tenant_config: ${job.tenantId} v${latest.version} ${target.name}: ${applied ? "applied" : "already had it"}`,
        );
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (failures.length > 0) throw new Error(`tenant_config v${latest.version}: ${failures.join("; ")}`);
  };
}

/** The subgraphs that keep settings from tenant definitions, by their base URLs. */
export function tenantConfigTargets(urls: {
  catalogUrl: string;
  ordersUrl: string;
  financeUrl: string;
  inventoryUrl: string;
}): TenantConfigTarget[] {
  return [
    { name: "catalog", url: urls.catalogUrl },
    { name: "orders", url: urls.ordersUrl },
    { name: "finance", url: urls.financeUrl },
    { name: "inventory", url: urls.inventoryUrl },
  ];
}
