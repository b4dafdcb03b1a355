import { createHash, randomBytes } from "node:crypto";
import type { Sql } from "postgres";
import { createCookie, createSessionStorage } from "react-router";
import type { PortalFlashData, PortalSessionData, PortalSessions, SessionTokens } from "../app/context.ts";

/** Refresh when the access token has less than this left. */
const REFRESH_MARGIN_MS = 60_000;
const SESSION_MAX_AGE_S = 30 * 24 * 3600;

const hashId = (cookieValue: string) => createHash("sha256").update(cookieValue).digest("hex");

interface SessionRow {
  access_token: string;
  refresh_token: string;
  access_expires_at: Date;
  tenant_slug: string;
  data: Record<string, unknown>;
}

function splitData(data: Partial<PortalSessionData> & Record<string, unknown>) {
  const { accessToken, refreshToken, accessExpiresAt, tenantSlug, ...rest } = data;
  if (!accessToken || !refreshToken || !accessExpiresAt || !tenantSlug) {
    throw new Error("portal session: only a logged-in session is stored");
  }
  return { accessToken, refreshToken, accessExpiresAt: new Date(accessExpiresAt).toISOString(), tenantSlug, rest };
}

const rowTokens = (row: Pick<SessionRow, "access_token" | "refresh_token" | "access_expires_at" | "tenant_slug">) => ({
  accessToken: row.access_token,
  refreshToken: row.refresh_token,
  accessExpiresAt: row.access_expires_at.toISOString(),
  tenantSlug: row.tenant_slug,
});

/**
 * Sessions in `portal.sessions`: the cookie (httpOnly, SameSite=Lax, signed, Secure in production)
 * carries only a random value; the row's id is its SHA-256, the row holds the gateway tokens.
 */
export function createPortalSessions(sql: Sql, opts: { secret: string; secure: boolean }): PortalSessions {
  const cookie = createCookie("dpp_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: opts.secure,
    path: "/",
    maxAge: SESSION_MAX_AGE_S,
    secrets: [opts.secret],
  });
  const expiry = (expires: Date | undefined) =>
    new Date(expires ? expires.getTime() : Date.now() + SESSION_MAX_AGE_S * 1000).toISOString();

  const storage = createSessionStorage<PortalSessionData, PortalFlashData>({
    cookie,
    async createData(data, expires) {
      const d = splitData(data as Record<string, unknown>);
      const value = randomBytes(32).toString("base64url");
      await sql`
        insert into portal.sessions (id, access_token, refresh_token, access_expires_at, tenant_slug, data, expires_at)
        values (${hashId(value)}, ${d.accessToken}, ${d.refreshToken}, ${d.accessExpiresAt}, ${d.tenantSlug},
                ${sql.json(d.rest as never)}, ${expiry(expires)})`;
      return value;
    },
    async readData(value) {
      const [row] = await sql<SessionRow[]>`
        select access_token, refresh_token, access_expires_at, tenant_slug, data
        from portal.sessions where id = ${hashId(value)} and expires_at > now()`;
      if (!row) return null;
      return { ...row.data, ...rowTokens(row) } as PortalSessionData;
    },
    async updateData(value, data, expires) {
      const d = splitData(data as Record<string, unknown>);
      // Tokens are written by ensureFresh under a row lock; here only the non-secret state and the
      // expiry change, so a stale copy of a session can never roll tokens back.
      await sql`
        update portal.sessions set data = ${sql.json(d.rest as never)}, expires_at = ${expiry(expires)}
        where id = ${hashId(value)}`;
    },
    async deleteData(value) {
      await sql`delete from portal.sessions where id = ${hashId(value)}`;
    },
  });

  const inflight = new Map<string, Promise<SessionTokens | null>>();

  async function ensureFresh(
    cookieValue: string,
    refresh: (refreshToken: string) => Promise<SessionTokens | null>,
  ): Promise<SessionTokens | null> {
    const id = hashId(cookieValue);
    const running = inflight.get(id);
    if (running) return running;
    const p = sql
      .begin(async (tx) => {
        const [row] = await tx<SessionRow[]>`
          select access_token, refresh_token, access_expires_at, tenant_slug, data
          from portal.sessions where id = ${id} and expires_at > now() for update`;
        if (!row) return null;
        if (row.access_expires_at.getTime() - Date.now() > REFRESH_MARGIN_MS) return rowTokens(row);
        const next = await refresh(row.refresh_token);
        if (!next) {
          await tx`delete from portal.sessions where id = ${id}`;
          return null;
        }
        await tx`
          update portal.sessions set access_token = ${next.accessToken}, refresh_token = ${next.refreshToken},
            access_expires_at = ${new Date(next.accessExpiresAt).toISOString()}, tenant_slug = ${next.tenantSlug}
          where id = ${id}`;
        return next;
      })
      .finally(() => inflight.delete(id));
    inflight.set(id, p);
    return p;
  }

  async function replaceTokens(cookieValue: string, tokens: SessionTokens): Promise<void> {
    await sql`
      update portal.sessions set access_token = ${tokens.accessToken}, refresh_token = ${tokens.refreshToken},
        access_expires_at = ${new Date(tokens.accessExpiresAt).toISOString()}, tenant_slug = ${tokens.tenantSlug}
      where id = ${hashId(cookieValue)}`;
  }

  return { storage, ensureFresh, replaceTokens };
}

/** Deletes expired rows; cheap thanks to the index on expires_at. */
export async function purgeExpiredSessions(sql: Sql): Promise<number> {
  const rows = await sql`delete from portal.sessions where expires_at < now() returning id`;
  return rows.length;
}
