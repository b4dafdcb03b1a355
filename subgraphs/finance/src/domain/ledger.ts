/** Settlements with a dealer under one contract. Pure: no I/O. Money in integer kopecks; dates ISO (YYYY-MM-DD). */

export type PaymentTerms = "prepayment" | "deferral";

export interface ContractTerms {
  paymentTerms: PaymentTerms;
  deferralDays: number;
  /** null: no credit line. */
  creditLimit: number | null;
}

export interface Shipment {
  date: string;
  amount: number;
}

export interface Payment {
  date: string;
  amount: number;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** When a shipment must be paid: on shipment under prepayment, N days later under deferral. */
export function shipmentDueOn(terms: Pick<ContractTerms, "paymentTerms" | "deferralDays">, shippedOn: string): string {
  return terms.paymentTerms === "deferral" ? addDays(shippedOn, terms.deferralDays) : shippedOn;
}

/** When an invoice is due: its validity under prepayment, the deferral under deferral. */
export function invoiceDueOn(
  terms: Pick<ContractTerms, "paymentTerms" | "deferralDays">,
  issuedOn: string,
  validityDays: number,
): string {
  return addDays(issuedOn, terms.paymentTerms === "deferral" ? terms.deferralDays : validityDays);
}

/** Shipments minus payments: positive = the dealer owes, negative = the supplier owes (an advance). */
export function balanceOf(shipments: readonly Shipment[], payments: readonly Payment[], until?: string): number {
  const upTo = (d: string) => until === undefined || d <= until;
  let b = 0;
  for (const s of shipments) if (upTo(s.date)) b += s.amount;
  for (const p of payments) if (upTo(p.date)) b -= p.amount;
  return b;
}

/**
 * Debt past its due date on `today`. Payments settle the oldest shipments first (FIFO), and with one
 * contract's terms the due dates follow the shipment dates, so the overdue part is what the
 * payments made so far leave unpaid of the shipments already due.
 */
export function overdueDebt(
  terms: Pick<ContractTerms, "paymentTerms" | "deferralDays">,
  shipments: readonly Shipment[],
  payments: readonly Payment[],
  today: string,
): number {
  let due = 0;
  for (const s of shipments) if (s.date <= today && shipmentDueOn(terms, s.date) < today) due += s.amount;
  let paid = 0;
  for (const p of payments) if (p.date <= today) paid += p.amount;
  return Math.max(0, due - paid);
}

/** The balance after each day with an operation, for the chart: [{date, balance}] ascending. */
export function balanceHistory(
  shipments: readonly Shipment[],
  payments: readonly Payment[],
): { date: string; balance: number }[] {
  const byDay = new Map<string, number>();
  for (const s of shipments) byDay.set(s.date, (byDay.get(s.date) ?? 0) + s.amount);
  for (const p of payments) byDay.set(p.date, (byDay.get(p.date) ?? 0) - p.amount);
  let b = 0;
  return [...byDay.entries()]
    .sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))
    .map(([date, delta]) => {
      b += delta;
      return { date, balance: b };
    });
}

export type CreditRefusal = "NO_CONTRACT" | "OVERDUE_DEBT" | "PREPAYMENT_CONTRACT" | "CREDIT_LIMIT_EXCEEDED";

export interface CreditDecision {
  allowed: boolean;
  reason: CreditRefusal | null;
  /** Credit left: limit − max(balance, 0); null without a limit. */
  available: number | null;
}

/**
 * The guard workflows use before shipping on credit: refused without a contract, with overdue
 * debt, under prepayment, or when the order would exceed the credit limit.
 */
export function creditDecision(input: {
  terms: ContractTerms | null;
  balance: number;
  overdue: number;
  amount: number;
}): CreditDecision {
  const { terms } = input;
  if (!terms) return { allowed: false, reason: "NO_CONTRACT", available: null };
  const available = terms.creditLimit === null ? null : terms.creditLimit - Math.max(0, input.balance);
  if (input.overdue > 0) return { allowed: false, reason: "OVERDUE_DEBT", available };
  if (terms.paymentTerms === "prepayment") return { allowed: false, reason: "PREPAYMENT_CONTRACT", available };
  if (available !== null && input.amount > available)
    return { allowed: false, reason: "CREDIT_LIMIT_EXCEEDED", available };
  return { allowed: true, reason: null, available };
}

export const CREDIT_MESSAGES: Record<CreditRefusal, string> = {
  NO_CONTRACT: "Договор не заключен: заказы выполняются по предоплате.",
  OVERDUE_DEBT: "Есть просроченная задолженность: погасите ее, чтобы продолжить.",
  PREPAYMENT_CONTRACT: "По договору предусмотрена предоплата: заказ выполняется после полной оплаты счета.",
  CREDIT_LIMIT_EXCEEDED: "Сумма заказа превышает доступный кредитный лимит.",
};
