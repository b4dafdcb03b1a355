import type { Actor } from "@dpp/auth";
import { forbidden, type RequestIdentity, requireTenant, requireUser } from "@dpp/server";
import { type DocumentTypeRow, documentTypesOf } from "./db/queries.ts";
import type { FinanceDb } from "./server.ts";

export interface ContextDeps {
  ordersUrl: string;
  identityUrl: string;
  inventoryUrl: string;
  internalTokenSecret: string;
}

const STAFF_ROLES = new Set(["manager", "tenant_admin", "platform_admin"]);

/** The dealer company a query acts for, and the session's active counterparty (null: none, all contracts). */
export function requireDealer(actor: Actor): {
  tenantId: string;
  companyId: string;
  userId: string;
  counterpartyId: string | null;
} {
  const user = requireUser(actor);
  if (!user.companyId) throw forbidden("Выберите компанию (дилера), чтобы работать с финансами");
  return {
    tenantId: user.tenantId,
    companyId: user.companyId,
    userId: user.userId,
    counterpartyId: user.counterpartyId ?? null,
  };
}

/** The dealer right to see money: balances, settlements, acts and documents. */
export const FINANCE_RIGHT = "finance.view";

/** Dealer users need the finance right; staff and services see finance by their role. */
export function canViewFinance(actor: Actor): boolean {
  if (actor.kind === "service") return true;
  if (actor.kind !== "user") return false;
  return actor.permissions.includes(FINANCE_RIGHT) || actor.roles.some((r) => STAFF_ROLES.has(r));
}

/** The dealer company a finance query acts for, when the user holds the finance right. */
export function requireFinanceViewer(actor: Actor): ReturnType<typeof requireDealer> {
  const d = requireDealer(actor);
  if (!canViewFinance(actor)) throw forbidden("Нет права «Доступ к финансовой информации»");
  return d;
}

/** Staff of the tenant or a service (the worker, an ERP connector): may post operations. */
export function requireStaffOrService(actor: Actor): string {
  const tenantId = requireTenant(actor);
  if (actor.kind === "service") return tenantId;
  if (actor.kind === "user" && actor.roles.some((r) => STAFF_ROLES.has(r))) return tenantId;
  throw forbidden("Только сотрудники поставщика и учетная система могут проводить операции");
}

/** A dealer (with the finance right) may ask only about their own company; staff and services about any in the tenant. */
export function companyInScope(actor: Actor, companyId: string): string {
  const tenantId = requireTenant(actor);
  if (actor.kind === "user" && actor.companyId === companyId) {
    if (!canViewFinance(actor)) throw forbidden("Нет права «Доступ к финансовой информации»");
    return tenantId;
  }
  return requireStaffOrService(actor);
}

/**
 * Per-request context. The tenant's document types are read once per request and only for the
 * caller's tenant, so nothing cached here can be read by another tenant.
 */
export function createContext(db: FinanceDb, identity: RequestIdentity, deps: ContextDeps) {
  const { actor, requestId } = identity;
  const tenantOf = () => requireTenant(actor);
  let types: Promise<DocumentTypeRow[]> | undefined;
  return {
    db,
    actor,
    requestId,
    linkSecret: deps.internalTokenSecret,
    tenantId: tenantOf,
    documentTypes: () => {
      types ??= documentTypesOf(db, tenantOf());
      return types;
    },
    /** Calls to orders, identity and inventory on behalf of the caller (forwarded actor). */
    services: () => ({ url: deps.ordersUrl, secret: deps.internalTokenSecret, actor, requestId }),
    identity: () => ({ url: deps.identityUrl, secret: deps.internalTokenSecret, actor, requestId }),
    inventory: () => ({ url: deps.inventoryUrl, secret: deps.internalTokenSecret, actor, requestId }),
  };
}

export type FinanceContext = ReturnType<typeof createContext>;
