import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { rateLimits } from "../db/schema.ts";
import type { IdentityDb } from "../server.ts";

/**
 * Abuse limits (rate-limiter-flexible on PostgreSQL through its Drizzle store, table
 * identity.rate_limits, shared by every identity instance). Per account (the normalised e-mail)
 * and per IP, for login failures, recovery requests and registrations. An exhausted bucket blocks
 * for `blockSeconds`: the temporary lockout. Unknown e-mails are counted like known ones, so a
 * lockout reveals nothing about which accounts exist.
 */
export type Bucket = "login" | "recovery" | "registration";

interface Rule {
  points: number;
  durationSeconds: number;
  blockSeconds: number;
}

export type LimitRules = Record<Bucket, { account: Rule; ip: Rule }>;

export const DEFAULT_LIMITS: LimitRules = {
  login: {
    account: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
    ip: { points: 50, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
  },
  recovery: {
    account: { points: 3, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
    ip: { points: 20, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
  },
  registration: {
    account: { points: 3, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
    ip: { points: 20, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
  },
};

export interface Who {
  account: string;
  ip: string | null | undefined;
}

export interface Limits {
  /** Seconds until the caller may try again, or 0 when not locked out. Consumes nothing. */
  lockedFor(bucket: Bucket, who: Who): Promise<number>;
  /** Counts one attempt (a failed login, a recovery or registration request); returns lockedFor after it. */
  hit(bucket: Bucket, who: Who): Promise<number>;
  /** A successful login clears the account's failures (not the IP's). */
  reset(bucket: Bucket, account: string): Promise<void>;
}

export function createLimits(db: IdentityDb, rules: LimitRules = DEFAULT_LIMITS): Limits {
  const make = (bucket: Bucket, scope: "account" | "ip") => {
    const r = rules[bucket][scope];
    return new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: `${bucket}:${scope}`,
      points: r.points,
      duration: r.durationSeconds,
      blockDuration: r.blockSeconds,
      // No background timer in the service; expired rows are ignored and overwritten on next use.
      clearExpiredByTimeout: false,
    });
  };
  const limiters = Object.fromEntries(
    (Object.keys(rules) as Bucket[]).map((b) => [b, { account: make(b, "account"), ip: make(b, "ip") }]),
  ) as Record<Bucket, { account: RateLimiterDrizzle; ip: RateLimiterDrizzle }>;
  const blockedSeconds = (res: RateLimiterRes | null, points: number) =>
    res && res.consumedPoints >= points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;

  const lockedFor = async (bucket: Bucket, who: Who) => {
    const l = limiters[bucket];
    const [acct, ip] = await Promise.all([l.account.get(who.account), who.ip ? l.ip.get(who.ip) : null]);
    return Math.max(blockedSeconds(acct, rules[bucket].account.points), blockedSeconds(ip, rules[bucket].ip.points));
  };
  const consume = async (limiter: RateLimiterDrizzle, key: string) => {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  };
  return {
    lockedFor,
    async hit(bucket, who) {
      const l = limiters[bucket];
      await Promise.all([consume(l.account, who.account), who.ip ? consume(l.ip, who.ip) : undefined]);
      return lockedFor(bucket, who);
    },
    async reset(bucket, account) {
      await limiters[bucket].account.delete(account);
    },
  };
}
