import { escapeHtml, formatMoney, type MailContent, type Money } from "./order-mail.ts";

/** Pure formatting of the mails about an order's life after submission: no I/O. */

const greeting = (fullName: string) => (fullName.trim() ? `Здравствуйте, ${fullName.trim()}!` : "Здравствуйте!");
const FOOTER = "Это письмо отправлено автоматически, отвечать на него не нужно.";

function mail(subject: string, fullName: string, lines: string[]): MailContent {
  const paragraphs = [greeting(fullName), ...lines, FOOTER];
  return {
    subject,
    text: paragraphs.join("\n\n"),
    html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n"),
  };
}

/** "Заказ № 42: Ждет оплаты" — to the dealer or the manager, with the cancellation reason when there is one. */
export function orderStatusMail(input: {
  fullName: string;
  number: string;
  statusLabel: string;
  reason: string | null;
}): MailContent {
  const lines = [`Статус заказа № ${input.number} изменился: ${input.statusLabel}.`];
  if (input.reason) lines.push(`Причина: ${input.reason}`);
  return mail(`Заказ № ${input.number}: ${input.statusLabel}`, input.fullName, lines);
}

/** A new comment on an order, to the other side, with the text. */
export function orderCommentMail(input: {
  fullName: string;
  number: string;
  authorSide: "dealer" | "manager";
  body: string;
}): MailContent {
  const who = input.authorSide === "dealer" ? "Дилер" : "Менеджер";
  return mail(`Новый комментарий к заказу № ${input.number}`, input.fullName, [
    `${who} оставил комментарий к заказу № ${input.number}:`,
    input.body,
    "Ответить можно на странице заказа в личном кабинете.",
  ]);
}

/** The updated invoice after a manager changed the lines: every line with its amount, the total and its VAT. */
export function updatedInvoiceMail(input: {
  fullName: string;
  number: string;
  lines: { article: string; name: string; quantity: number; amount: number }[];
  total: Money;
  vat: Money;
  /** The updated invoice's file name when it is attached. */
  attached?: string | null;
}): MailContent {
  const money = (amount: number) => formatMoney({ amount, currency: input.total.currency });
  const rows = input.lines.map((l, i) => `${i + 1}. ${l.article} ${l.name} — ${l.quantity} шт. — ${money(l.amount)}`);
  const subject = `Заказ № ${input.number}: обновленный счет`;
  const head = `Менеджер изменил состав заказа № ${input.number}. Обновленный счет:`;
  const sums = [`Итого: ${formatMoney(input.total)}`, `В том числе НДС: ${formatMoney(input.vat)}`];
  if (input.attached) sums.push(`Счет во вложении: ${input.attached}`);
  const text = [greeting(input.fullName), head, rows.join("\n"), sums.join("\n"), FOOTER].join("\n\n");
  const html = [
    `<p>${escapeHtml(greeting(input.fullName))}</p>`,
    `<p>${escapeHtml(head)}</p>`,
    "<table>",
    "<tr><th>№</th><th>Артикул</th><th>Наименование</th><th>Кол-во</th><th>Сумма</th></tr>",
    ...input.lines.map(
      (l, i) =>
        `<tr><td>${i + 1}</td><td>${escapeHtml(l.article)}</td><td>${escapeHtml(l.name)}</td><td>${l.quantity}</td><td>${escapeHtml(money(l.amount))}</td></tr>`,
    ),
    "</table>",
    ...sums.map((s) => `<p>${escapeHtml(s)}</p>`),
    `<p>${FOOTER}</p>`,
  ].join("\n");
  return { subject, text, html };
}
