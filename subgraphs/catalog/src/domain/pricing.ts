/** Pure pricing rules: integers of kopecks in, integers out. No I/O. */

export interface PriceInput {
  /** List price for one unit in kopecks. */
  basePrice: number;
  /** Discount in basis points (1250 = 12.5 %), 0 when none. */
  discountBp: number;
  /** VAT rate in basis points (2000 = 20 %). */
  vatRateBp: number;
  /** Whether list prices include VAT. */
  pricesIncludeVat: boolean;
}

export interface PriceResult {
  base: number;
  yours: number;
  discountBp: number;
  vat: number;
}

/** Integer division rounding half away from zero (for non-negative numerators: half up). */
export function divRound(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError("denominator must be positive");
  const q = Math.floor(numerator / denominator);
  const r = numerator - q * denominator;
  return r * 2 >= denominator ? q + 1 : q;
}

export function priceFor(input: PriceInput): PriceResult {
  if (!Number.isSafeInteger(input.basePrice) || input.basePrice < 0) throw new RangeError("basePrice must be kopecks");
  const discountBp = Math.min(Math.max(input.discountBp, 0), 10000);
  const yours = divRound(input.basePrice * (10000 - discountBp), 10000);
  const vat = input.pricesIncludeVat
    ? divRound(yours * input.vatRateBp, 10000 + input.vatRateBp)
    : divRound(yours * input.vatRateBp, 10000);
  return { base: input.basePrice, yours, discountBp, vat };
}

export interface DiscountRule {
  priceGroup: string;
  percentBp: number;
  validFrom: string; // YYYY-MM-DD
  validUntil: string | null;
}

/** The discount that applies to a price group on a day: the latest valid rule, or 0. */
export function discountFor(rules: DiscountRule[], priceGroup: string | null, day: string): number {
  if (!priceGroup) return 0;
  let best: DiscountRule | undefined;
  for (const r of rules) {
    if (r.priceGroup !== priceGroup || r.validFrom > day || (r.validUntil !== null && r.validUntil < day)) continue;
    if (!best || r.validFrom > best.validFrom) best = r;
  }
  return best?.percentBp ?? 0;
}

/** A VAT rate taking effect on a day (Russia: 20 % from 2019-01-01, 22 % from 2026-01-01). */
export interface VatRate {
  validFrom: string;
  rateBp: number;
}

/** The rate in force on a day: the latest that started on or before it. */
export function vatRateOn(rates: readonly VatRate[], day: string, fallbackBp: number): number {
  let best: VatRate | undefined;
  for (const r of rates) if (r.validFrom <= day && (!best || r.validFrom > best.validFrom)) best = r;
  return best?.rateBp ?? fallbackBp;
}

export interface Period {
  validFrom: string;
  validUntil: string | null;
}

const inForce = (p: Period, day: string) => p.validFrom <= day && (p.validUntil === null || p.validUntil >= day);

/** Everything that decides one viewer's prices in one tenant, as loaded from storage. */
export interface PricingPolicy {
  currency: string;
  pricesIncludeVat: boolean;
  /** Used when no dated rate applies. */
  vatRateBp: number;
  vatRates: readonly VatRate[];
  /** The viewer company's discount groups: price group × period. */
  discounts: readonly DiscountRule[];
  /** The active counterparty's own discount groups; where one is in force it replaces the company's. */
  counterpartyDiscounts?: readonly DiscountRule[];
  /** Price tiers of the commercial policy and the viewer's tier per month (first day of the month). */
  priceTiers: readonly { code: string; percentBp: number }[];
  tierAssignments: readonly { month: string; tierCode: string }[];
  /** Cumulative turnover tiers and the viewer's turnover in kopecks (null when unknown). */
  turnoverTiers: readonly { minTurnover: number; percentBp: number }[];
  turnover: number | null;
  /** Prices agreed for the viewer on single products. */
  personalPrices: readonly ({ productId: string; price: number } & Period)[];
}

export type PriceSource = "list" | "discount_group" | "price_tier" | "turnover" | "personal";

/** A policy resolved for one day: every lookup a line needs is O(1). */
export interface ResolvedPolicy {
  currency: string;
  vatIncluded: boolean;
  vatRateBp: number;
  groupDiscounts: Map<string, number>;
  tierBp: number;
  turnoverBp: number;
  personal: Map<string, number>;
}

export function resolvePolicy(p: PricingPolicy, day: string): ResolvedPolicy {
  const groupDiscounts = new Map<string, number>();
  for (const g of new Set(p.discounts.map((d) => d.priceGroup))) {
    groupDiscounts.set(g, discountFor(p.discounts as DiscountRule[], g, day));
  }
  const own = p.counterpartyDiscounts ?? [];
  for (const g of new Set(own.map((d) => d.priceGroup))) {
    const inForceNow = own.some((d) => d.priceGroup === g && inForce(d, day));
    if (inForceNow) groupDiscounts.set(g, discountFor(own as DiscountRule[], g, day));
  }
  const month = `${day.slice(0, 7)}-01`;
  const assignment = p.tierAssignments.find((a) => a.month === month);
  const tierBp = assignment ? (p.priceTiers.find((t) => t.code === assignment.tierCode)?.percentBp ?? 0) : 0;
  let turnoverBp = 0;
  if (p.turnover !== null) {
    for (const t of p.turnoverTiers)
      if (p.turnover >= t.minTurnover && t.percentBp > turnoverBp) turnoverBp = t.percentBp;
  }
  const personal = new Map<string, number>();
  const personalFrom = new Map<string, string>();
  for (const pp of p.personalPrices) {
    if (!inForce(pp, day)) continue;
    const seen = personalFrom.get(pp.productId);
    if (seen === undefined || pp.validFrom > seen) {
      personal.set(pp.productId, pp.price);
      personalFrom.set(pp.productId, pp.validFrom);
    }
  }
  return {
    currency: p.currency,
    vatIncluded: p.pricesIncludeVat,
    vatRateBp: vatRateOn(p.vatRates, day, p.vatRateBp),
    groupDiscounts,
    tierBp,
    turnoverBp,
    personal,
  };
}

export interface PricedItem {
  id: string;
  basePrice: number;
  priceGroup: string | null;
  retailPrice: number | null;
}

export interface PriceQuote extends PriceResult {
  currency: string;
  vatRateBp: number;
  vatIncluded: boolean;
  retail: number | null;
  source: PriceSource;
}

/**
 * The viewer's price of one unit. A personal price wins; otherwise the best of the discount
 * group, the price tier and the turnover tier (they do not add up). VAT on the viewer's price.
 */
export function quote(policy: ResolvedPolicy, item: PricedItem): PriceQuote {
  const extra = { currency: policy.currency, vatRateBp: policy.vatRateBp, vatIncluded: policy.vatIncluded };
  const personal = policy.personal.get(item.id);
  if (personal !== undefined) {
    const base = item.basePrice;
    const discountBp = base > 0 && personal < base ? divRound((base - personal) * 10000, base) : 0;
    const vat = vatOf(personal, policy.vatRateBp, policy.vatIncluded);
    return { base, yours: personal, discountBp, vat, ...extra, retail: item.retailPrice, source: "personal" };
  }
  const candidates: [PriceSource, number][] = [
    ["discount_group", item.priceGroup ? (policy.groupDiscounts.get(item.priceGroup) ?? 0) : 0],
    ["price_tier", policy.tierBp],
    ["turnover", policy.turnoverBp],
  ];
  let source: PriceSource = "list";
  let bp = 0;
  for (const [s, v] of candidates) {
    if (v > bp) {
      bp = v;
      source = s;
    }
  }
  const r = priceFor({
    basePrice: item.basePrice,
    discountBp: bp,
    vatRateBp: policy.vatRateBp,
    pricesIncludeVat: policy.vatIncluded,
  });
  return { ...r, ...extra, retail: item.retailPrice, source };
}

function vatOf(amount: number, rateBp: number, included: boolean): number {
  return included ? divRound(amount * rateBp, 10000 + rateBp) : divRound(amount * rateBp, 10000);
}
