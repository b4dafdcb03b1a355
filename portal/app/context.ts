import type { Client } from "@urql/core";
import type { Session, SessionStorage } from "react-router";

/** What the portal keeps per browser session (on the server, in `portal.sessions`). */
export interface PortalSessionData {
  accessToken: string;
  refreshToken: string;
  /** ISO 8601 */
  accessExpiresAt: string;
  tenantSlug: string;
  /** The draft "В заказ" adds to. */
  activeDraftId?: string;
  /** The session was issued while the cabinet was view-only (see lib/view-only.server.ts). */
  viewOnly?: boolean;
}

export interface PortalFlashData {
  notice: string;
}

export type PortalSession = Session<PortalSessionData, PortalFlashData>;

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: string;
  tenantSlug: string;
}

export interface PortalSessions {
  storage: SessionStorage<PortalSessionData, PortalFlashData>;
  /**
   * Returns fresh tokens for the session whose cookie value is `cookieValue`: the stored ones if they
   * are still valid for a while, else the result of `refresh` (stored). The row is locked meanwhile, so
   * parallel requests never spend one rotating refresh token twice. null: the session is gone.
   */
  ensureFresh(
    cookieValue: string,
    refresh: (refreshToken: string) => Promise<SessionTokens | null>,
  ): Promise<SessionTokens | null>;
  /** Stores new tokens for a session (after a brand switch). */
  replaceTokens(cookieValue: string, tokens: SessionTokens): Promise<void>;
}

export interface DevMailMessage {
  id: string;
  recipientTenantId: string | null;
  toAddress: string;
  fromAddress: string;
  subject: string;
  textBody: string | null;
  htmlBody: string | null;
  createdAt: string;
}

/** An SMS the dev stack's local SMPP sink received. */
export interface DevSmsMessage {
  id: string;
  from: string;
  to: string;
  text: string;
  createdAt: string;
}

export interface DevMailbox {
  list(limit?: number): Promise<DevMailMessage[]>;
  get(id: string): Promise<DevMailMessage | null>;
  /** SMS the dev stack's SMPP sink received, newest first. */
  sms(limit?: number): Promise<DevSmsMessage[]>;
}

/** Given to every loader and action by the express adapter (server/app.ts). */
export interface PortalContext {
  env: "development" | "test" | "production";
  /** A GraphQL client for the gateway, with the caller's access token when given. */
  gateway: (accessToken?: string) => Client;
  sessions: PortalSessions;
  /** null when DEV_MAILBOX is off. */
  devMailbox: DevMailbox | null;
}

declare module "react-router" {
  interface AppLoadContext extends PortalContext {}
}
