import { randomBytes } from "node:crypto";
import { type WebhookUrlProblem, webhookUrlProblem } from "@dpp/server/network";

/** The events an integrator may subscribe to (docs/integrators/webhooks.md describes each payload). */
export const WEBHOOK_TOPICS = [
  { code: "order.status_changed", label: "Статус заказа изменён" },
  { code: "shipment.created", label: "Создана отгрузка" },
  { code: "invoice.issued", label: "Выставлен счёт" },
  { code: "stock.low", label: "Остаток товара ниже порога" },
] as const;

const CODES = new Set<string>(WEBHOOK_TOPICS.map((t) => t.code));

export interface WebhookInput {
  url: string;
  topics: readonly string[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

const URL_MESSAGES: Record<WebhookUrlProblem, string> = {
  invalid: "Укажите полный адрес, например https://erp.example.ru/webhooks",
  scheme: "Адрес должен начинаться с https:// или http://",
  credentials: "Адрес не может содержать логин и пароль: проверяйте подпись запроса",
  private: "Адрес во внутренней сети недоступен: укажите адрес, доступный из интернета",
};

/** Per-field problems of a subscription's URL and topics (empty when it may be saved). */
export function webhookInputProblems(input: WebhookInput, allowPrivate: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const urlProblem = webhookUrlProblem(input.url.trim(), allowPrivate);
  if (urlProblem) problems.push({ field: "url", message: URL_MESSAGES[urlProblem] });
  if (input.url.trim().length > 2000) problems.push({ field: "url", message: "Адрес длиннее 2000 символов" });
  if (input.topics.length === 0) problems.push({ field: "topics", message: "Выберите хотя бы одно событие" });
  const unknown = input.topics.filter((t) => !CODES.has(t));
  if (unknown.length > 0) problems.push({ field: "topics", message: `Нет таких событий: ${unknown.join(", ")}` });
  return problems;
}

/** A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes (the HMAC key is the decoded bytes). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}
