import type { Actor } from "@dpp/auth";
import type { Mailer } from "@dpp/mail";
import DataLoader from "dataloader";
import {
  type CompanyRow,
  type CounterpartyRow,
  companiesByIds,
  counterpartiesByCompanyIds,
  memberCompanyIds,
  memberUserIds,
  type TenantRow,
  tenantsByIds,
  type UserRow,
  usersByIds,
} from "./db/queries.ts";
import type { KeyRing } from "./keys.ts";
import type { IdentityDb } from "./server.ts";
import type { Limits } from "./services/limits.ts";
import type { CurrentWorkflow } from "./tenant-config/orders-client.ts";

/** What every request shares: the pool, the signing key and the token settings. */
export interface IdentityRuntime {
  db: IdentityDb;
  keys: KeyRing;
  limits: Limits;
  /** Sends the account mails (links, codes, generated passwords); null: those flows answer MAIL_UNAVAILABLE. */
  mailer: Mailer | null;
  /** Base URL of the portal, for links in mails. */
  portalUrl: string;
  /** Lifetime of e-mailed links in seconds. */
  linkTtlSeconds: number;
  issuer: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Webhook URLs may point at localhost and private networks (development and tests only). */
  webhookAllowPrivateUrls: boolean;
  /** Orders' current workflow of a tenant (null: it has none yet); null where identity runs without orders. */
  currentWorkflow: CurrentWorkflow | null;
  /** A hash of a random password: verified when the e-mail is unknown, so both paths cost the same. */
  dummyHash: string;
}

function byId<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/**
 * Per-request context with fresh DataLoaders. Tenants, users and companies are platform rows;
 * who may see a User or DealerCompany entity is decided by `visible*` (members of the caller's
 * tenant only), so the caches hold nothing another caller could read.
 */
export function createContext(
  rt: IdentityRuntime,
  actor: Actor,
  request: { ip?: string | null; requestId?: string } = {},
) {
  const { db } = rt;
  const tenant = new DataLoader<string, TenantRow | null>(async (ids) =>
    byId(ids, await tenantsByIds(db, ids), (r) => r.id),
  );
  const user = new DataLoader<string, UserRow | null>(async (ids) => byId(ids, await usersByIds(db, ids), (r) => r.id));
  const company = new DataLoader<string, CompanyRow | null>(async (ids) =>
    byId(ids, await companiesByIds(db, ids), (r) => r.id),
  );
  const counterparties = new DataLoader<string, CounterpartyRow[]>(async (companyIds) => {
    const rows = await counterpartiesByCompanyIds(db, companyIds);
    return companyIds.map((id) => rows.filter((r) => r.companyId === id));
  });
  const callerTenant = actor.kind === "anonymous" ? null : actor.tenantId;
  const userInTenant = new DataLoader<string, boolean>(async (ids) => {
    if (!callerTenant) return ids.map(() => false);
    const members = await memberUserIds(db, callerTenant, ids);
    return ids.map((id) => members.has(id));
  });
  const companyInTenant = new DataLoader<string, boolean>(async (ids) => {
    if (!callerTenant) return ids.map(() => false);
    const members = await memberCompanyIds(db, callerTenant, ids);
    return ids.map((id) => members.has(id));
  });
  /** Platform services (no tenant) see every row; anonymous callers see none. */
  const unrestricted = actor.kind === "service" && actor.tenantId === null;

  return {
    rt,
    db,
    actor,
    ip: request.ip ?? null,
    requestId: request.requestId ?? null,
    loaders: { tenant, user, company, counterparties },
    /** A User entity as the caller may see it: themselves, or a member of the caller's tenant. */
    async visibleUser(id: string): Promise<UserRow | null> {
      if (actor.kind === "anonymous") return null;
      const allowed = unrestricted || (actor.kind === "user" && actor.userId === id) || (await userInTenant.load(id));
      return allowed ? user.load(id) : null;
    },
    /** A DealerCompany entity as the caller may see it: companies dealing with the caller's tenant. */
    async visibleCompany(id: string): Promise<CompanyRow | null> {
      if (actor.kind === "anonymous") return null;
      return unrestricted || (await companyInTenant.load(id)) ? company.load(id) : null;
    },
  };
}

export type IdentityContext = ReturnType<typeof createContext>;
