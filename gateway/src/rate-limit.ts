import type { Actor } from "@dpp/auth";
import type { NextFunction, Request, Response } from "express";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** Requests per window; a batched request counts once per operation. */
export interface RateLimits {
  windowSeconds: number;
  /** Per API key (`res.locals.apiKeyId`, set by the API-key hook). */
  perApiKey: number;
  /** Per tenant: every user and key of one supplier together. */
  perTenant: number;
  /** Per client address, for requests without a tenant (sign-in, anonymous). */
  perAnonymousIp: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  windowSeconds: 60,
  perApiKey: 600,
  perTenant: 3000,
  perAnonymousIp: 120,
};

/**
 * Rate limits with rate-limiter-flexible, in memory: one gateway instance. Several instances
 * share the budget by swapping RateLimiterMemory for RateLimiterPostgres (same interface).
 * Refusal: 429, Retry-After in seconds, and the limit that was hit.
 */
export function rateLimit(limits: RateLimits) {
  const make = (points: number, keyPrefix: string) =>
    new RateLimiterMemory({ points, duration: limits.windowSeconds, keyPrefix });
  const byKey = make(limits.perApiKey, "key");
  const byTenant = make(limits.perTenant, "tenant");
  const byIp = make(limits.perAnonymousIp, "ip");

  return async (req: Request, res: Response, next: NextFunction) => {
    const actor = res.locals.actor as Actor | undefined;
    const apiKeyId = typeof res.locals.apiKeyId === "string" ? res.locals.apiKeyId : undefined;
    const tenantId = actor && actor.kind !== "anonymous" ? actor.tenantId : null;
    const points = Array.isArray(req.body) ? Math.max(1, req.body.length) : 1;
    const checks: [RateLimiterMemory, string, string][] = [];
    if (apiKeyId) checks.push([byKey, apiKeyId, "ключа API"]);
    if (tenantId) checks.push([byTenant, tenantId, "поставщика"]);
    if (!apiKeyId && !tenantId) checks.push([byIp, req.ip ?? "unknown", "адреса"]);
    for (const [limiter, key, whose] of checks) {
      try {
        const r = await limiter.consume(key, points);
        res.setHeader("x-ratelimit-limit", String(limiter.points));
        res.setHeader("x-ratelimit-remaining", String(r.remainingPoints));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) return next(rejection);
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        res.setHeader("retry-after", String(seconds));
        res.status(429).json({
          errors: [
            {
              message: `Превышен предел запросов для ${whose}: ${limiter.points} за ${limits.windowSeconds} с. Повторите через ${seconds} с.`,
              extensions: { code: "RATE_LIMITED", retryAfterSeconds: seconds, requestId: res.locals.requestId },
            },
          ],
        });
        return;
      }
    }
    next();
  };
}
