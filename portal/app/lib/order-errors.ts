/** Russian texts for OrderError codes; the server's own (Russian) message wins when present. */
const MESSAGES: Record<string, string> = {
  ORDER_NOT_FOUND: "Заказ не найден.",
  LINE_NOT_FOUND: "Позиция не найдена: возможно, её уже удалили.",
  NOT_A_DRAFT: "Заказ уже отправлен: изменить его нельзя.",
  EMPTY_ORDER: "В заказе нет позиций.",
  UNKNOWN_PRODUCT: "Товар не найден в каталоге.",
  PRODUCT_REQUIRED: "Не выбран товар.",
  INVALID_QUANTITY: "Укажите количество — целое число не меньше 1.",
  NOT_A_PACK_MULTIPLE: "Количество должно быть кратно упаковке.",
  BELOW_MINIMUM_QUANTITY: "Количество меньше минимального.",
  CURRENCY_MISMATCH: "Валюта товара не совпадает с валютой заказа.",
};

const hasCyrillic = (s: string) => /[а-яё]/i.test(s);

export function orderErrorText(error: { code: string; message: string }): string {
  if (error.message && hasCyrillic(error.message)) return error.message;
  return MESSAGES[error.code] ?? "Не удалось изменить заказ. Попробуйте ещё раз.";
}
