import { type Actor, INTERNAL_TOKEN_HEADER, verifyInternalToken } from "@dpp/auth";
import { withTenant } from "@dpp/db";
import { and, eq, isNull } from "drizzle-orm";
import express, { type Express } from "express";
import type { IdentityRuntime } from "../context.ts";
import { membershipsInTenant } from "../db/queries.ts";
import { apiKeys } from "../db/schema.ts";
import { hashLinkToken, parseApiKey } from "../domain/link-token.ts";
import { keyPermissions, sessionPermissions } from "../domain/permissions.ts";
import { sameHash } from "../domain/refresh-token.ts";

export const API_KEY_VERIFY_PATH = "/internal/api-keys/verify";

/**
 * The actor an API key stands for: its creator in the key's tenant and company, with the key's
 * rights narrowed to what the creator may still do now (a creator who lost a right, was blocked
 * or detached takes it from the key too). Null for an unknown, revoked or orphaned key.
 */
export async function actorForApiKey(rt: IdentityRuntime, key: string): Promise<Actor | null> {
  const parts = parseApiKey(key);
  if (!parts) return null;
  return withTenant(rt.db, parts.tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.tenantId, parts.tenantId), eq(apiKeys.id, parts.keyId), isNull(apiKeys.revokedAt)));
    if (!row || !sameHash(row.keyHash, hashLinkToken(key))) return null;
    const m = (await membershipsInTenant(tx, row.tenantId, row.createdBy)).find((x) => x.companyId === row.companyId);
    const allowed = m ? sessionPermissions(m.status, m.permissions, false) : null;
    if (!m || !allowed) return null;
    await tx
      .update(apiKeys)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(apiKeys.tenantId, row.tenantId), eq(apiKeys.id, row.id)));
    return {
      kind: "user",
      userId: row.createdBy,
      tenantId: row.tenantId,
      companyId: row.companyId,
      roles: ["dealer"],
      permissions: keyPermissions(row.permissions, allowed),
    };
  });
}

/** POST {key} → {actor}: only the gateway (a service token) may ask. */
export function mountApiKeyRoute(app: Express, rt: IdentityRuntime, internalTokenSecret: string) {
  app.post(API_KEY_VERIFY_PATH, express.json({ limit: "4kb" }), async (req, res, next) => {
    try {
      const caller = await verifyInternalToken(req.header(INTERNAL_TOKEN_HEADER), internalTokenSecret).catch(
        () => null,
      );
      if (caller?.actor.kind !== "service") {
        res.status(401).json({ error: "gateway proof required" });
        return;
      }
      const key = typeof req.body?.key === "string" ? req.body.key : "";
      res.json({ actor: await actorForApiKey(rt, key) });
    } catch (error) {
      next(error);
    }
  });
}
