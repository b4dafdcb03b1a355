import { Link } from "react-router";
import "./orders.css";
import "./reports.css";

const TABS = [
  { to: "/reports/orders", label: "Готовность заказов к отгрузке" },
  { to: "/reports/products", label: "Готовность продукции к отгрузке" },
  { to: "/shipments", label: "Отгрузки" },
];

/** «Отчеты»: the three reports of a dealer's cabinet (seed 001), the current one marked. */
export function ReportTabs({ current }: { current: string }) {
  return (
    <nav aria-label="Отчеты" className="order-tabs">
      <ul>
        {TABS.map((t) => (
          <li key={t.to}>
            <Link to={t.to} aria-current={t.to === current ? "page" : undefined}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
