/** Pure rule: when a requested quantity can ship from one warehouse. No I/O. */
import { addBusinessDays, type BusinessCalendar } from "./calendar.ts";

export interface LeadTimeSettings {
  shippingDays: number;
  replenishmentDays: number;
}

export interface LeadTimePart {
  quantity: number;
  businessDays: number;
  /** The ISO date it is ready to ship. */
  readyDate: string;
}

export interface LeadTime {
  /** The requested quantity rounded up to the pack multiple. */
  quantity: number;
  parts: LeadTimePart[];
  /** As dealers read it: "2 шт. - 1 раб. дн.; 3 шт. - 7 раб. дн." */
  text: string;
}

/** Rounds up to a whole number of packs (a pack of 1 or less leaves the quantity as is). */
export function roundToPack(quantity: number, packMultiple: number): number {
  if (packMultiple <= 1) return quantity;
  return Math.ceil(quantity / packMultiple) * packMultiple;
}

const unitLabel = (unit: string) => (unit.endsWith(".") ? unit : `${unit}.`);

/**
 * What is available ships in the tenant's shipping days; the rest in the warehouse's
 * replenishment (production) days, both counted in business days from `today`.
 */
export function leadTime(input: {
  requested: number;
  packMultiple: number;
  unit: string;
  available: number;
  settings: LeadTimeSettings;
  calendar: BusinessCalendar;
  today: string;
}): LeadTime {
  if (!Number.isSafeInteger(input.requested) || input.requested <= 0) {
    throw new RangeError("requested must be a positive integer");
  }
  const quantity = roundToPack(input.requested, input.packMultiple);
  const fromStock = Math.min(quantity, Math.max(0, input.available));
  const missing = quantity - fromStock;
  const part = (q: number, days: number): LeadTimePart => ({
    quantity: q,
    businessDays: days,
    readyDate: addBusinessDays(input.calendar, input.today, days),
  });
  const parts: LeadTimePart[] = [];
  if (fromStock > 0) parts.push(part(fromStock, input.settings.shippingDays));
  if (missing > 0) parts.push(part(missing, input.settings.replenishmentDays));
  const unit = unitLabel(input.unit);
  return {
    quantity,
    parts,
    text: parts.map((p) => `${p.quantity} ${unit} - ${p.businessDays} раб. дн.`).join("; "),
  };
}
