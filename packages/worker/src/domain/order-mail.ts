/** Pure formatting of the dealer's "order accepted" e-mail: no I/O, no environment. */

export interface Money {
  /** Integer minor units (kopecks for RUB). */
  amount: number;
  /** ISO 4217, e.g. "RUB". */
  currency: string;
}

/**
 * Formats minor units as ru-RU currency, e.g. {3841000, RUB} → "38 410,00 ₽" (Intl separates
 * groups with U+00A0 and the symbol with U+00A0). The amount stays an integer: it is turned into
 * an exact decimal string, never divided as a float.
 */
export function formatMoney(money: Money): string {
  if (!Number.isSafeInteger(money.amount)) throw new Error(`money amount must be an integer: ${money.amount}`);
  const format = new Intl.NumberFormat("ru-RU", { style: "currency", currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const abs = Math.abs(money.amount)
    .toString()
    .padStart(digits + 1, "0");
  const whole = abs.slice(0, abs.length - digits);
  const decimal = digits > 0 ? `${whole}.${abs.slice(abs.length - digits)}` : whole;
  return format.format(`${money.amount < 0 ? "-" : ""}${decimal}` as Intl.StringNumericLiteral);
}

const POSITION_WORDS: Record<string, string> = { one: "позиция", few: "позиции", many: "позиций", other: "позиции" };

/** "1 позиция", "3 позиции", "5 позиций", "21 позиция". */
export function formatPositions(count: number): string {
  const form = new Intl.PluralRules("ru-RU").select(count);
  return `${count} ${POSITION_WORDS[form] ?? "позиций"}`;
}

export interface OrderSubmittedMailInput {
  fullName: string;
  number: string;
  statusLabel: string;
  total: Money;
  positions: number;
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export function orderSubmittedMail(input: OrderSubmittedMailInput): MailContent {
  const total = formatMoney(input.total);
  const positions = formatPositions(input.positions);
  const greeting = input.fullName.trim() ? `Здравствуйте, ${input.fullName.trim()}!` : "Здравствуйте!";
  const text = [
    greeting,
    "",
    `Ваш заказ № ${input.number} принят.`,
    "",
    `Статус: ${input.statusLabel}`,
    `Сумма: ${total}`,
    `В заказе ${positions}.`,
    "",
    "Это письмо отправлено автоматически, отвечать на него не нужно.",
  ].join("\n");
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>Ваш заказ № ${escapeHtml(input.number)} принят.</p>`,
    "<table>",
    `<tr><td>Статус</td><td>${escapeHtml(input.statusLabel)}</td></tr>`,
    `<tr><td>Сумма</td><td>${escapeHtml(total)}</td></tr>`,
    `<tr><td>Позиций</td><td>${input.positions}</td></tr>`,
    "</table>",
    "<p>Это письмо отправлено автоматически, отвечать на него не нужно.</p>",
  ].join("\n");
  return { subject: `Заказ № ${input.number} принят`, text, html };
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
