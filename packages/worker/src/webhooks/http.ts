import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { performance } from "node:perf_hooks";
import { isPrivateAddress, webhookUrlProblem } from "@dpp/server/network";

export interface PostResult {
  /** HTTP status, or null when no response came (refused, timeout, DNS). */
  responseCode: number | null;
  durationMs: number;
  error: string | null;
  /** Retrying cannot help (URL not allowed). */
  permanent: boolean;
}

export interface WebhookHttpOptions {
  /** Allow localhost and private networks (development, tests). */
  allowPrivateAddresses: boolean;
  timeoutMs?: number;
}

/**
 * A DNS lookup that refuses names resolving to private addresses, applied to the address the
 * socket actually connects to (no gap for DNS rebinding between a check and the connect).
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const bad = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (bad) {
        const refused = Object.assign(new Error(`${hostname} resolves to a private address (${bad.address})`), {
          code: "EPRIVATEADDRESS",
        });
        return callback(refused, "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname}: no address`), { code: "ENOTFOUND" }), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

const MAX_ERROR_BODY = 500;

/** POSTs one webhook body; never throws — the outcome (status, time, error) goes to the delivery log. */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: WebhookHttpOptions,
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = webhookUrlProblem(url, opts.allowPrivateAddresses);
  if (problem) return { responseCode: null, durationMs: 0, error: `URL not allowed (${problem})`, permanent: true };
  const target = new URL(url);
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<PostResult>((resolve) => {
    const req = request(
      target,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "dpp-webhooks/1",
        },
        lookup: guardedLookup(opts.allowPrivateAddresses),
        timeout: opts.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size < MAX_ERROR_BODY) chunks.push(c);
          size += c.length;
        });
        res.on("end", () => {
          const code = res.statusCode ?? 0;
          const ok = code >= 200 && code < 300;
          const text = Buffer.concat(chunks).toString("utf8").slice(0, MAX_ERROR_BODY);
          resolve({
            responseCode: code,
            durationMs: elapsed(),
            error: ok ? null : `HTTP ${code}${text ? `: ${text}` : ""}`,
            permanent: false,
          });
        });
        res.on("error", (e) =>
          resolve({ responseCode: res.statusCode ?? null, durationMs: elapsed(), error: e.message, permanent: false }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no response within ${opts.timeoutMs ?? 10_000} ms`)));
    req.on("error", (e: Error & { code?: string }) =>
      resolve({ responseCode: null, durationMs: elapsed(), error: e.message, permanent: e.code === "EPRIVATEADDRESS" }),
    );
    req.end(body);
  });
}
