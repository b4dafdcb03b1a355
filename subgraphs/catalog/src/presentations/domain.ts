/** Presentations (personal offers): what a valid one is and what it costs. Pure. */
import { divRound } from "../domain/pricing.ts";

export interface PresentationInput {
  companyId: string;
  title: string;
  comment?: string | null;
  /** Personal discount in percent, up to two decimals (7.5 = 7,5 %). */
  discountPercent: number;
  validUntil: string;
  lines: { article: string; quantity: number }[];
}

export interface CheckedPresentation {
  companyId: string;
  title: string;
  comment: string;
  discountBp: number;
  validUntil: string;
  lines: { article: string; quantity: number }[];
}

export interface FieldError {
  field: string;
  message: string;
}

export type PresentationCheck = { ok: true; value: CheckedPresentation } | { ok: false; errors: FieldError[] };

export const MAX_LINES = 500;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (s: string) => ISO_DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/**
 * A company, a title, a discount from 0 to 99.99 % with at most two decimals, a last day not
 * before `today`, and 1..500 lines with distinct articles and positive whole quantities.
 * `unknownArticles` (not in the catalog) are named per line.
 */
export function checkPresentation(
  input: PresentationInput,
  today: string,
  unknownArticles: ReadonlySet<string> = new Set(),
): PresentationCheck {
  const errors: FieldError[] = [];
  const companyId = input.companyId.trim();
  const title = input.title.trim();
  if (companyId === "") errors.push({ field: "companyId", message: "Выберите дилера" });
  if (title === "") errors.push({ field: "title", message: "Укажите название презентации" });
  else if (title.length > 200) errors.push({ field: "title", message: "Название длиннее 200 символов" });
  const comment = (input.comment ?? "").trim();
  if (comment.length > 4000) errors.push({ field: "comment", message: "Комментарий длиннее 4000 символов" });
  const bp = Math.round(input.discountPercent * 100);
  if (!Number.isFinite(input.discountPercent) || input.discountPercent < 0 || input.discountPercent >= 100) {
    errors.push({ field: "discountPercent", message: "Скидка — от 0 до 99,99 %" });
  } else if (Math.abs(bp - input.discountPercent * 100) > 1e-6) {
    errors.push({ field: "discountPercent", message: "Скидка — не больше двух знаков после запятой" });
  }
  if (!isDay(input.validUntil)) errors.push({ field: "validUntil", message: "Срок действия: ГГГГ-ММ-ДД" });
  else if (input.validUntil < today) errors.push({ field: "validUntil", message: "Срок действия уже прошёл" });
  if (input.lines.length === 0) errors.push({ field: "lines", message: "Добавьте хотя бы один товар" });
  if (input.lines.length > MAX_LINES) errors.push({ field: "lines", message: `Не больше ${MAX_LINES} товаров` });
  const seen = new Set<string>();
  input.lines.forEach((l, i) => {
    const n = i + 1;
    const article = l.article.trim();
    if (article === "") errors.push({ field: `lines.${n}`, message: `Строка ${n}: укажите артикул` });
    else if (seen.has(article))
      errors.push({ field: `lines.${n}`, message: `Строка ${n}: артикул ${article} уже есть` });
    else if (unknownArticles.has(article)) {
      errors.push({ field: `lines.${n}`, message: `Строка ${n}: нет товара с артикулом ${article}` });
    }
    seen.add(article);
    if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0) {
      errors.push({ field: `lines.${n}`, message: `Строка ${n}: количество — целое число больше нуля` });
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      companyId,
      title,
      comment,
      discountBp: bp,
      validUntil: input.validUntil,
      lines: input.lines.map((l) => ({ article: l.article.trim(), quantity: l.quantity })),
    },
  };
}

/** The offer's price of one unit: the list price less the personal discount, rounded half up as every price is. */
export function offerPrice(base: number, discountBp: number): number {
  return divRound(base * (10000 - discountBp), 10000);
}

/** A sent presentation is read-only; it is open to the dealer while its last day has not passed. */
export function presentationState(
  p: { sentAt: Date | null; validUntil: string },
  today: string,
): "draft" | "sent" | "expired" {
  if (p.sentAt === null) return "draft";
  return p.validUntil < today ? "expired" : "sent";
}
