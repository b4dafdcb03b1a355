/** Validating rows of a discount-group import: every problem named per row. Pure. */

export interface DiscountImportRow {
  companyId: string;
  priceGroup: string;
  /** Percent, up to two decimals: 12.5 = 12,5 %. */
  percent: number;
  /** First day, YYYY-MM-DD. */
  validFrom: string;
  /** Last day (inclusive), YYYY-MM-DD; null = open-ended. */
  validUntil?: string | null;
}

/** A discount already stored for the tenant. */
export interface StoredDiscount {
  companyId: string;
  priceGroup: string;
  validFrom: string;
  validUntil: string | null;
}

export interface DiscountValue {
  companyId: string;
  priceGroup: string;
  percentBp: number;
  validFrom: string;
  validUntil: string | null;
}

export type DiscountRowCheck =
  | { row: number; ok: true; value: DiscountValue }
  | { row: number; ok: false; errors: string[] };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(s: string | null | undefined): s is string {
  if (!s || !ISO_DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const ruDay = (s: string) => `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)}`;
const period = (from: string, until: string | null) =>
  until === null ? `с ${ruDay(from)} без срока` : `${ruDay(from)}–${ruDay(until)}`;

/** Inclusive periods; null until = open-ended. */
export function overlaps(a: { validFrom: string; validUntil: string | null }, b: typeof a): boolean {
  return (
    (a.validUntil === null || b.validFrom <= a.validUntil) && (b.validUntil === null || a.validFrom <= b.validUntil)
  );
}

/**
 * Checks every row (1-based). A row's period may not overlap another row's or a stored discount
 * for the same company and price group; a stored discount with the same first day as a row of the
 * file is replaced by it (the key is company × price group × first day), so it does not count.
 */
export function checkDiscountRows(
  rows: readonly DiscountImportRow[],
  stored: readonly StoredDiscount[],
): DiscountRowCheck[] {
  const shaped = rows.map((r, i) => {
    const errors: string[] = [];
    const companyId = (r.companyId ?? "").trim();
    const priceGroup = (r.priceGroup ?? "").trim();
    if (companyId === "") errors.push("Не указан дилер");
    if (priceGroup === "") errors.push("Не указана ценовая группа");
    const bp = Math.round((r.percent ?? Number.NaN) * 100);
    if (!Number.isFinite(r.percent) || Math.abs(bp - r.percent * 100) > 1e-6) {
      errors.push("Скидка — число процентов, не больше двух знаков после запятой");
    } else if (bp < 0 || bp > 10000) errors.push("Скидка должна быть от 0 до 100 %");
    const until = r.validUntil ?? null;
    if (!isDay(r.validFrom)) errors.push(`Дата начала «${r.validFrom ?? ""}»: нужна дата ГГГГ-ММ-ДД`);
    if (until !== null && !isDay(until)) errors.push(`Дата окончания «${until}»: нужна дата ГГГГ-ММ-ДД`);
    else if (until !== null && isDay(r.validFrom) && until < r.validFrom) {
      errors.push("Дата окончания раньше даты начала");
    }
    const value: DiscountValue = { companyId, priceGroup, percentBp: bp, validFrom: r.validFrom, validUntil: until };
    return { row: i + 1, errors, value };
  });
  // Stored discounts that rows of this file replace (same key) are not compared against.
  const key = (o: { companyId: string; priceGroup: string; validFrom: string }) =>
    JSON.stringify([o.companyId, o.priceGroup, o.validFrom]);
  const wellFormed = shaped.filter((s) => s.errors.length === 0);
  const replaced = new Set(wellFormed.map((s) => key(s.value)));
  for (const a of wellFormed) {
    const v = a.value;
    const same = (o: { companyId: string; priceGroup: string }) =>
      o.companyId === v.companyId && o.priceGroup === v.priceGroup;
    for (const b of wellFormed) {
      if (b === a || !same(b.value) || !overlaps(v, b.value)) continue;
      const what = b.value.validFrom === v.validFrom ? "повторяет" : "пересекается с";
      a.errors.push(
        `Скидка дилера «${v.companyId}» на группу «${v.priceGroup}» ${what} строкой ${b.row} (${period(b.value.validFrom, b.value.validUntil)})`,
      );
    }
    for (const s of stored) {
      if (!same(s) || replaced.has(key(s)) || !overlaps(v, s)) continue;
      a.errors.push(
        `Скидка дилера «${v.companyId}» на группу «${v.priceGroup}» пересекается с действующей (${period(s.validFrom, s.validUntil)})`,
      );
    }
  }
  return shaped.map((s) =>
    s.errors.length > 0 ? { row: s.row, ok: false, errors: s.errors } : { row: s.row, ok: true, value: s.value },
  );
}
