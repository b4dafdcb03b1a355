import type { Actor, UserActor } from "@dpp/auth";
import { forbidden, type RequestIdentity, requireTenant, requireUser } from "@dpp/server";
import type { Workflow } from "@dpp/tenant";
import DataLoader from "dataloader";
import { type CatalogLoader, createCatalogLoader } from "./clients/catalog.ts";
import type { OrderServices } from "./clients/services.ts";
import {
  linesByOrderIds,
  type OrderLineRow,
  type OrderRow,
  type OrderScope,
  ordersByIds,
  settingsOf,
  type TenantSettingsRow,
  workflowVersions,
} from "./db/queries.ts";
import type { OrdersDb } from "./server.ts";

export interface ContextDeps {
  catalogUrl: string;
  internalTokenSecret: string;
  /** Finance and inventory, asked by workflow guards and effects as the orders service. */
  services: OrderServices;
}

const STAFF_ROLES = new Set(["manager", "tenant_admin", "platform_admin"]);

/** The seeds' right «Доступ только к своим заказам и рекламациям»: a user sees only the orders they created. */
export const OWN_ORDERS_ONLY = "orders.own_only";

/** The dealer a query or mutation acts for: a user with a company in a tenant. */
export interface Dealer {
  actor: UserActor;
  tenantId: string;
  companyId: string;
  userId: string;
  /** The orders this dealer user may see and touch: the company's, or only its own. */
  scope: OrderScope;
}

/** A dealer user's orders: the company's, or only the user's own with the right OWN_ORDERS_ONLY. */
export function dealerScope(user: UserActor & { companyId: string }): OrderScope {
  const own = user.permissions.includes(OWN_ORDERS_ONLY);
  return { tenantId: user.tenantId, companyId: user.companyId, userId: own ? user.userId : null };
}

export function requireDealer(actor: Actor): Dealer {
  const user = requireUser(actor);
  const companyId = user.companyId;
  if (!companyId) throw forbidden("Выберите компанию (дилера), чтобы работать с заказами");
  const scope = dealerScope({ ...user, companyId });
  return { actor: user, tenantId: user.tenantId, companyId, userId: user.userId, scope };
}

/**
 * Which orders an entity reference may resolve: a dealer's own company's; staff and services
 * the tenant's; a user with neither a company nor a staff role none.
 */
export function referenceScope(actor: Actor): OrderScope {
  const tenantId = requireTenant(actor);
  if (actor.kind === "user") {
    if (actor.companyId) return dealerScope({ ...actor, companyId: actor.companyId });
    if (!actor.roles.some((r) => STAFF_ROLES.has(r))) throw forbidden();
  }
  return { tenantId, companyId: null };
}

/**
 * Per-request context. Every loader is created for this request and bound to the caller's
 * tenant (and company), so nothing cached here can be read by another tenant or company.
 */
export function createContext(db: OrdersDb, identity: RequestIdentity, deps: ContextDeps) {
  const { actor, requestId } = identity;
  let scope: OrderScope | undefined;
  const scopeOf = () => {
    scope ??= referenceScope(actor);
    return scope;
  };
  const order = new DataLoader<string, OrderRow | null>(async (ids) => {
    const rows = await ordersByIds(db, scopeOf(), ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const lines = new DataLoader<string, OrderLineRow[]>(async (orderIds) => {
    const rows = await linesByOrderIds(db, scopeOf().tenantId, orderIds);
    return orderIds.map((id) => rows.filter((r) => r.orderId === id));
  });
  const workflow = new DataLoader<number, Workflow | null>(async (versions) => {
    const rows = await workflowVersions(db, scopeOf().tenantId, versions);
    return versions.map((v) => rows.find((r) => r.version === v)?.definition ?? null);
  });
  let settings: Promise<TenantSettingsRow> | undefined;
  let catalog: CatalogLoader | undefined;

  return {
    db,
    actor,
    requestId,
    services: deps.services,
    dealer: () => requireDealer(actor),
    loaders: { order, lines, workflow },
    settings: () => {
      settings ??= settingsOf(db, scopeOf().tenantId);
      return settings;
    },
    /** Products priced for the calling dealer, batched per request. */
    catalog: (): CatalogLoader => {
      catalog ??= createCatalogLoader({
        url: deps.catalogUrl,
        internalTokenSecret: deps.internalTokenSecret,
        actor: requireDealer(actor).actor,
        requestId,
      });
      return catalog;
    },
    /** After a write: forget what this request cached about the order. */
    forget(orderId: string) {
      order.clear(orderId);
      lines.clear(orderId);
    },
  };
}

export type OrdersContext = ReturnType<typeof createContext>;
