import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import type { NextFunction, Request, Response } from "express";

/** Header the portal's server (BFF) puts on every gateway request. */
export const CLIENT_HEADER = "x-dpp-client";
/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<sha256 of the document>")>`. */
export const CLIENT_SIGNATURE_HEADER = "x-dpp-client-signature";
const MAX_SKEW_SECONDS = 300;

/** schema/operations/<client>.json, written by portal/scripts/persist-operations.ts at build time. */
export interface PersistedManifest {
  version: 1;
  client: string;
  /** sha256 (hex) of the document text -> the operation. */
  operations: Record<string, { name: string; body: string }>;
}

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

export function loadManifest(path: string): PersistedManifest {
  const manifest = JSON.parse(readFileSync(path, "utf8")) as PersistedManifest;
  for (const [hash, op] of Object.entries(manifest.operations)) {
    if (sha256Hex(op.body) !== hash) throw new Error(`${path}: ${op.name} does not match its hash ${hash}`);
  }
  return manifest;
}

/** What the portal BFF sends (see portal/server/gateway.ts). */
export function signClientRequest(secret: string, documentHash: string, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${documentHash}`).digest("hex")}`;
}

export function verifyClientSignature(
  secret: string,
  header: string | undefined,
  documentHash: string,
  now = Date.now(),
) {
  const m = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!m?.[1] || !m[2]) return false;
  const t = Number(m[1]);
  if (Math.abs(now / 1000 - t) > MAX_SKEW_SECONDS) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${documentHash}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2], "hex"));
}

export interface TrustedDocumentsOptions {
  manifest: PersistedManifest;
  /**
   * "enforce": a portal request runs only the manifest's text for its hash; anything else is
   * refused. "warn" (development): an unknown hash whose text matches it runs, with a log line,
   * so a page being written works before the manifest is regenerated.
   */
  mode: "enforce" | "warn";
  /** Shared with the portal (PORTAL_CLIENT_SECRET): when set, a portal claim must be signed. */
  clientSecret?: string;
  warn?: (message: string) => void;
}

type Body = { query?: unknown; operationName?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };

const refuse = (res: Response, status: number, code: string, message: string) =>
  res.status(status).json({ errors: [{ message, extensions: { code, requestId: res.locals.requestId } }] });

/**
 * Trusted documents for browser sessions. A request that says it comes from the portal
 * (`x-dpp-client: portal`) may run only a persisted operation, named by its sha256: the gateway
 * runs the manifest's text, never the text the request carries. Saying "portal" only narrows
 * what a caller may do; API-key clients don't say it and may send any operation within the
 * limits. With a client secret configured a portal claim must also carry the BFF's signature.
 */
export function trustedDocuments(opts: TrustedDocumentsOptions) {
  return (req: Request, res: Response, next: NextFunction) => {
    const client = req.header(CLIENT_HEADER);
    if (client === undefined) return next();
    if (client !== opts.manifest.client) {
      return refuse(res, 400, "UNKNOWN_CLIENT", `Неизвестный клиент «${client.slice(0, 40)}».`);
    }
    if (Array.isArray(req.body)) {
      return refuse(res, 400, "PERSISTED_QUERY_NOT_IN_LIST", "Портал не отправляет пакеты операций.");
    }
    const body = (req.body ?? {}) as Body;
    const hash = body.extensions?.persistedQuery?.sha256Hash;
    if (typeof hash !== "string" || !/^[0-9a-f]{64}$/.test(hash)) {
      return refuse(
        res,
        400,
        "PERSISTED_QUERY_NOT_IN_LIST",
        "Запрос портала должен ссылаться на сохранённую операцию.",
      );
    }
    if (opts.clientSecret && !verifyClientSignature(opts.clientSecret, req.header(CLIENT_SIGNATURE_HEADER), hash)) {
      return refuse(res, 401, "CLIENT_SIGNATURE_INVALID", "Подпись клиента неверна или устарела.");
    }
    const known = opts.manifest.operations[hash];
    if (known) {
      body.query = known.body;
    } else if (opts.mode === "warn" && typeof body.query === "string" && sha256Hex(body.query) === hash) {
      opts.warn?.(`operation ${String(body.operationName)} (${hash}) is not in the persisted manifest`);
    } else {
      return refuse(
        res,
        400,
        "PERSISTED_QUERY_NOT_IN_LIST",
        "Операция не входит в список сохранённых операций портала.",
      );
    }
    // Handled here: Apollo's automatic persisted queries must not register it.
    delete body.extensions?.persistedQuery;
    next();
  };
}
