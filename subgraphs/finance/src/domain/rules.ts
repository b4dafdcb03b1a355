/** Tenant-configured finance rules: bonus points and the act request limit. Pure. */

export interface BonusRule {
  kopecksPerPoint: number;
  minOrderKopecks: number;
  creditAt: string;
}

/** Points for an order at a status: one per full `kopecksPerPoint`, from `minOrderKopecks`, only at `creditAt`. */
export function bonusPoints(rule: BonusRule | null, order: { amount: number; statusCode: string }): number {
  if (!rule || order.statusCode !== rule.creditAt || order.amount < rule.minOrderKopecks) return 0;
  return Math.floor(order.amount / rule.kopecksPerPoint);
}

/** When the next act may be requested: null = now (no limit, or the interval has passed). */
export function nextActAllowedAt(intervalHours: number | null, lastRequestedAt: Date | null, now: Date): Date | null {
  if (intervalHours === null || lastRequestedAt === null) return null;
  const next = new Date(lastRequestedAt.getTime() + intervalHours * 3_600_000);
  return next > now ? next : null;
}

const moscow = new Intl.DateTimeFormat("ru-RU", {
  timeZone: "Europe/Moscow",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

export function actLimitMessage(next: Date, intervalHours: number): string {
  const every = intervalHours === 24 ? "раз в сутки" : `раз в ${intervalHours} ч`;
  return `Акт сверки можно запрашивать ${every}. Следующий запрос возможен ${moscow.format(next).replace(",", " в")} (МСК).`;
}
