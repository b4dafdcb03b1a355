/** «Уведомление об отгрузке товаров» (seed 001): what the mail says. Pure. */
import { formatMoney } from "./order-mail.ts";

export interface ShipmentNoticeFacts {
  number: string;
  /** YYYY-MM-DD */
  date: string;
  amount: { amount: number; currency: string };
  consignee: string;
  address: string;
  deliveryMethod: string;
}

const ruDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export function shipmentMail(
  notice: ShipmentNoticeFacts,
  recipient: { fullName: string },
  buyer: string,
  link: string,
): { subject: string; text: string } {
  const dash = (v: string) => v.trim() || "—";
  return {
    subject: `Уведомление об отгрузке товаров: накладная № ${notice.number}`,
    text: [
      `Здравствуйте, ${recipient.fullName}!`,
      "",
      `Отгружены товары по накладной № ${notice.number} от ${ruDate(notice.date)}.`,
      "",
      `Сумма: ${formatMoney(notice.amount)}`,
      `Покупатель: ${dash(buyer)}`,
      `Грузополучатель: ${dash(notice.consignee)}`,
      `Адрес доставки: ${dash(notice.address)}`,
      `Способ доставки: ${dash(notice.deliveryMethod)}`,
      "",
      `Накладная: ${link}`,
      "",
      "Уведомления об отгрузках можно отключить на странице «Отгрузки» личного кабинета.",
    ].join("\n"),
  };
}
