import { randomUUID } from "node:crypto";
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signServiceToken } from "@dpp/auth";
import { z } from "zod";

/** One entry of identity's history, as another subgraph's event describes it. */
export interface AuditEntry {
  /** The outbox row's id: identity stores one entry per (source, sourceEventId). */
  sourceEventId: string;
  source: string;
  action: string;
  occurredAt: string;
  actorUserId: string | null;
  companyId: string | null;
  objects: { type: string; id: string; label?: string }[];
}

/** Identity's `recordAuditEvent` (or a test double). */
export interface AuditLog {
  record(tenantId: string, entry: AuditEntry): Promise<void>;
}

const MUTATION = "mutation($input: RecordAuditEventInput!) { recordAuditEvent(input: $input) }";
const responseSchema = z.object({
  data: z.object({ recordAuditEvent: z.boolean() }).nullish(),
  errors: z.array(z.object({ message: z.string() })).nullish(),
});

/**
 * Records history entries through identity's service mutation, as the worker (a service token
 * scoped to the event's tenant). Errors throw, so the job is retried; identity keeps one entry
 * per source event, so a retry records nothing twice.
 */
export function createIdentityAuditLog(opts: {
  identityUrl: string;
  internalTokenSecret: string;
  timeoutMs?: number;
}): AuditLog {
  const url = `${opts.identityUrl.replace(/\/+$/, "")}/graphql`;
  return {
    async record(tenantId, entry) {
      const requestId = `wrk-${randomUUID()}`;
      const token = await signServiceToken("worker", tenantId, opts.internalTokenSecret, requestId);
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
        body: JSON.stringify({ query: MUTATION, variables: { input: entry } }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      const body = responseSchema.parse(await res.json());
      const first = body.errors?.[0];
      if (first) throw new Error(`identity: ${first.message}`);
      if (!res.ok || !body.data) throw new Error(`identity: HTTP ${res.status}`);
    },
  };
}
