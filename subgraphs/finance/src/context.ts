import type { Actor } from "@dpp/auth";
import { requireTenant } from "@dpp/server";
import { type DocumentTypeRow, documentTypesOf } from "./db/queries.ts";
import type { FinanceDb } from "./server.ts";

/**
 * Per-request context. The tenant's document types are read once per request and only for the
 * caller's tenant, so nothing cached here can be read by another tenant.
 */
export function createContext(db: FinanceDb, actor: Actor) {
  const tenantOf = () => requireTenant(actor);
  let types: Promise<DocumentTypeRow[]> | undefined;
  return {
    db,
    actor,
    tenantId: tenantOf,
    documentTypes: () => {
      types ??= documentTypesOf(db, tenantOf());
      return types;
    },
  };
}

export type FinanceContext = ReturnType<typeof createContext>;
