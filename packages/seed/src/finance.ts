import type { DemoContract, DemoMembership } from "./types.ts";

/** Payment terms per tenant for the demo (keaz: deferral with a credit limit; wasserkraft: prepayment). */
const TERMS: Record<string, Pick<DemoContract, "paymentTerms" | "deferralDays" | "creditLimit">> = {
  wasserkraft: { paymentTerms: "prepayment", deferralDays: 0, creditLimit: null },
  keaz: { paymentTerms: "deferral", deferralDays: 30, creditLimit: 1_500_000_00 },
  spectr: { paymentTerms: "deferral", deferralDays: 14, creditLimit: 500_000_00 },
  vitup: { paymentTerms: "deferral", deferralDays: 21, creditLimit: 300_000_00 },
  autoparts: { paymentTerms: "prepayment", deferralDays: 0, creditLimit: null },
};

/** Months of the demo year with a shipment; the payment follows it (the last one unpaid, so a debt remains). */
const HISTORY = [
  { month: 2, day: 12, amount: 184_320_00, paidAfter: 10 },
  { month: 4, day: 3, amount: 96_540_50, paidAfter: 25 },
  { month: 6, day: 17, amount: 241_180_00, paidAfter: 12 },
  { month: 8, day: 25, amount: 58_900_00, paidAfter: 20 },
  { month: 10, day: 8, amount: 132_760_40, paidAfter: null },
];

const iso = (m: number, d: number) => `2026-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const plusDays = (date: string, days: number) => {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
};

/**
 * One contract per dealer company and tenant with a year of shipments and payments, so balances,
 * the chart and the act are non-trivial; the October shipment is left unpaid (overdue under
 * deferral by late November, open under prepayment).
 */
export function buildContracts(
  slug: string,
  memberships: DemoMembership[],
  counterpartyOf: (companyId: string) => string | null,
): DemoContract[] {
  const terms = TERMS[slug] ?? TERMS.wasserkraft;
  if (!terms) return [];
  const companies = [
    ...new Set(memberships.flatMap((m) => (m.tenantId === `ten_${slug}` && m.companyId ? [m.companyId] : []))),
  ];
  return companies.map((companyId, ci) => {
    const key = `${slug}_${companyId.replace(/^cmp_/, "")}`;
    const scale = ci === 0 ? 1 : 0.5;
    const shipments = HISTORY.map((h, i) => ({
      id: `shp_${key}_${i + 1}`,
      number: `РН-${String(ci + 1)}${String(i + 1).padStart(4, "0")}`,
      shippedOn: iso(h.month, h.day),
      amount: Math.round(h.amount * scale),
    }));
    const payments = HISTORY.flatMap((h, i) =>
      h.paidAfter === null
        ? []
        : [
            {
              id: `pay_${key}_${i + 1}`,
              documentNumber: String(100 + i * 7 + ci),
              paidOn: plusDays(iso(h.month, h.day), h.paidAfter),
              amount: Math.round(h.amount * scale),
            },
          ],
    );
    return {
      id: `ctr_${key}`,
      companyId,
      counterpartyId: counterpartyOf(companyId),
      number: `Д-${String(ci + 1).padStart(2, "0")}/${slug.slice(0, 3).toUpperCase()}-2026`,
      signedOn: "2026-01-15",
      ...terms,
      shipments,
      payments,
    };
  });
}
