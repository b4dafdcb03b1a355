import { BlockList, isIP } from "node:net";

/**
 * Addresses a server-side request (webhooks) must not reach outside development: loopback,
 * private, link-local (cloud metadata), CGNAT, unspecified, multicast and reserved ranges, IPv4
 * and IPv6 (IPv4-mapped IPv6 is checked as IPv4). node:net's BlockList does the matching.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** True for an IP literal in a non-public range; false for public addresses and non-IPs. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, "");
  const family = isIP(ip);
  if (family === 4) return blocked.check(ip, "ipv4");
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return blocked.check(mapped[1], "ipv4");
  return blocked.check(ip, "ipv6");
}

export type WebhookUrlProblem = "invalid" | "scheme" | "credentials" | "private";

/**
 * Why a webhook URL may not be used, or null: it must be an absolute http(s) URL without
 * user:password, and unless private addresses are allowed (development, tests) its host may not
 * be localhost or a private IP literal. Names resolving to private addresses are refused again
 * at delivery, on the address actually connected to.
 */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): WebhookUrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "scheme";
  if (url.username || url.password) return "credentials";
  if (allowPrivate) return null;
  const host = url.hostname.toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || isPrivateAddress(host)) return "private";
  return null;
}
