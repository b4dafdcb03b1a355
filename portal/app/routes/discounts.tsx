import { MyDiscountsQuery } from "../graphql/catalog";
import { withAuth } from "../lib/auth.server";
import { formatPercent } from "../lib/format";
import { query } from "../lib/gateway.server";
import type { Route } from "./+types/discounts";

export const meta: Route.MetaFunction = () => [{ title: "Скидки компании — Кабинет дилера" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { myDiscounts } = await query(client, MyDiscountsQuery, {});
    return { discounts: myDiscounts };
  });
}

const date = new Intl.DateTimeFormat("ru-RU", { dateStyle: "long", timeZone: "UTC" });
const formatDay = (day: string) => date.format(new Date(`${day}T00:00:00Z`));

export default function Discounts({ loaderData }: Route.ComponentProps) {
  const { discounts } = loaderData;
  return (
    <>
      <h1>Скидки компании</h1>
      <p>
        Скидка действует на все товары ценовой группы; цены в каталоге уже учитывают её. Скидка выбранного контрагента
        заменяет скидку компании по той же группе.
      </p>
      {discounts.length === 0 ? (
        <p>Для вашей компании скидки по ценовым группам не установлены.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Скидки по ценовым группам</caption>
            <thead>
              <tr>
                <th scope="col">Ценовая группа</th>
                <th scope="col">Для кого</th>
                <th scope="col" className="num">
                  Скидка
                </th>
                <th scope="col">Действует с</th>
                <th scope="col">Действует до</th>
                <th scope="col">Сейчас</th>
              </tr>
            </thead>
            <tbody>
              {discounts.map((d) => (
                <tr key={`${d.priceGroup}-${d.validFrom}`}>
                  <td>{d.priceGroup}</td>
                  <td>{d.forCounterparty ? "выбранный контрагент" : "вся компания"}</td>
                  <td className="num">{formatPercent(d.discountPercent)}</td>
                  <td>{formatDay(d.validFrom)}</td>
                  <td>{d.validUntil ? formatDay(d.validUntil) : "бессрочно"}</td>
                  <td>{d.active ? "действует" : "не действует"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
