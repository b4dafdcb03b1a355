import type { OrderCheckoutView } from "../graphql/checkout";
import "./checkout.css";

/** A submitted order's checkout as the dealer gave it (keaz: «Контрагент, Договор, Грузополучатель…»). */
export function CheckoutSummary({ checkout }: { checkout: OrderCheckoutView }) {
  const rows: [string, string | null][] = [
    ["Контрагент", checkout.counterparty?.name ?? null],
    ["Договор", checkout.contract?.name ?? null],
    ["Грузополучатель", checkout.consignee],
    ["Адрес доставки", checkout.deliveryAddress],
    ["Склад отгрузки", checkout.warehouse?.name ?? null],
    ["Способ доставки", checkout.deliveryMethod?.label ?? null],
    ["Оплата", checkout.paymentOption?.label ?? null],
    ["Плановая дата", checkout.plannedDate ? checkout.plannedDate.split("-").reverse().join(".") : null],
    ["Технический сервис", checkout.technicalServices.map((s) => s.label).join(", ") || null],
    ["Отгрузка по частям", checkout.shipInParts ? "да" : null],
  ];
  const shown = rows.filter((r): r is [string, string] => r[1] !== null);
  if (shown.length === 0) return null;
  return (
    <section className="card checkout-summary" aria-labelledby="checkout-summary-title">
      <h2 id="checkout-summary-title">Оформление</h2>
      <dl>
        {shown.map(([k, v]) => (
          <div key={k} style={{ display: "contents" }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
