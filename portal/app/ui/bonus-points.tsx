import { useEffect } from "react";
import { useFetcher } from "react-router";
import type { BonusAccount } from "../graphql/finance";
import { formatDateTime, formatMoney, formatNumber } from "../lib/format";

/**
 * Bonus points in the profile: the balance, the tenant's rule and the ledger. Renders nothing
 * where the tenant has no bonus rule (the API answers null).
 */
export function BonusPoints() {
  const fetcher = useFetcher<{ bonusAccount: BonusAccount | null }>();
  const { load } = fetcher;
  useEffect(() => {
    load("/profile/bonus");
  }, [load]);
  const account = fetcher.data?.bonusAccount;
  if (!account) return null;
  return (
    <section className="card bonus-points" aria-labelledby="bonus-title">
      <h2 id="bonus-title">Бонусные баллы</h2>
      <p className="finance-summary__value">{formatNumber(account.balance)}</p>
      <p className="muted">
        1 балл за каждые полные {formatMoney(account.rule.perAmount)} заказа от {formatMoney(account.rule.minOrder)}.
      </p>
      {account.entries.length === 0 ? (
        <p className="muted">Начислений пока нет.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Начисления баллов</caption>
            <thead>
              <tr>
                <th scope="col">Заказ</th>
                <th scope="col">Начислено</th>
                <th scope="col" className="num">
                  Баллы
                </th>
              </tr>
            </thead>
            <tbody>
              {account.entries.map((e) => (
                <tr key={e.orderId}>
                  <td>
                    <a href={`/orders/${e.orderId}`}>№ {e.orderNumber}</a>
                  </td>
                  <td>{formatDateTime(e.createdAt)}</td>
                  <td className="num">+{formatNumber(e.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
