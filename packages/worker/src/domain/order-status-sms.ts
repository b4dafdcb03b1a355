/** The most characters an order SMS takes (three UCS-2 segments); a longer reason is cut with "…". */
export const ORDER_SMS_MAX = 201;

/**
 * "Заказ № 000042: Резерв" — the SMS about an order's new status, with the cancellation reason
 * when there is one. Pure: no I/O. Fits one SMS (70 Cyrillic characters) unless a reason needs more.
 */
export function orderStatusSms(input: { number: string; statusLabel: string; reason: string | null }): string {
  const head = `Заказ № ${input.number}: ${input.statusLabel}`;
  if (!input.reason?.trim()) return head;
  const text = `${head}. Причина: ${input.reason.trim().replace(/\s+/g, " ")}`;
  return text.length <= ORDER_SMS_MAX ? text : `${text.slice(0, ORDER_SMS_MAX - 1)}…`;
}
