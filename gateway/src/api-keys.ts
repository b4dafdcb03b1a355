import { createHash, randomUUID } from "node:crypto";
import { type Actor, actorSchema, INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signServiceToken } from "@dpp/auth";
import type { Request } from "express";
import { LRUCache } from "lru-cache";

/** Identity's route that turns a key into an actor (only for service tokens). */
const VERIFY_PATH = "/internal/api-keys/verify";

export interface ApiKeyOptions {
  /** Identity's JWKS URL: the verify route lives on the same origin. */
  jwksUrl: string;
  internalTokenSecret: string;
  /** How long a verdict is reused, at most 60 s (a revoked key stops working within it). */
  ttlMs?: number;
  fetch?: typeof fetch;
}

/** The key a request presents: `Authorization: ApiKey <key>` or `x-api-key: <key>`; undefined when none. */
export function presentedApiKey(req: Pick<Request, "header">): string | undefined {
  const auth = req.header("authorization")?.trim();
  const m = auth ? /^ApiKey\s+(\S+)$/i.exec(auth) : null;
  return m?.[1] ?? req.header("x-api-key")?.trim() ?? undefined;
}

/**
 * Integrators' API keys → the same Actor a login gives, asked of identity and cached per gateway
 * instance for ≤ 60 s, keyed by the key's SHA-256 (the key names its tenant, so a cached verdict
 * can never serve another tenant). Unknown or revoked keys are cached too (null), so guessing
 * does not reach identity on every request.
 */
export function createApiKeyActors(opts: ApiKeyOptions) {
  const url = new URL(VERIFY_PATH, opts.jwksUrl).toString();
  const ttl = Math.min(opts.ttlMs ?? 60_000, 60_000);
  const doFetch = opts.fetch ?? fetch;
  const cache = new LRUCache<string, { actor: Actor | null }>({ max: 10_000, ttl });
  const inflight = new Map<string, Promise<Actor | null>>();

  const ask = async (key: string): Promise<Actor | null> => {
    const requestId = `gw-${randomUUID()}`;
    const token = await signServiceToken("gateway", null, opts.internalTokenSecret, requestId);
    const res = await doFetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
      body: JSON.stringify({ key }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) throw new Error(`identity: API key check failed with HTTP ${res.status}`);
    const body = (await res.json()) as { actor?: unknown };
    return body.actor ? actorSchema.parse(body.actor) : null;
  };

  return {
    /** undefined: no key presented; null: a key that is not valid; else the key's actor. */
    async actorFor(req: Pick<Request, "header">): Promise<Actor | null | undefined> {
      const key = presentedApiKey(req);
      if (key === undefined) return undefined;
      if (key.length > 256) return null;
      const id = createHash("sha256").update(key).digest("hex");
      const hit = cache.get(id);
      if (hit) return hit.actor;
      let p = inflight.get(id);
      if (!p) {
        p = ask(key).finally(() => inflight.delete(id));
        inflight.set(id, p);
      }
      const actor = await p;
      cache.set(id, { actor });
      return actor;
    },
  };
}
