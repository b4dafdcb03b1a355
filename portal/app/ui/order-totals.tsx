import type { OrderTotals as Totals } from "../graphql/orders";
import { formatMoney } from "../lib/format";

const mass = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 3 });
const volume = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 4 });

/** «без веса: 2 поз.» when some lines have no weight (or volume) in the catalog. */
const unmeasured = (n: number, what: string) => (n > 0 ? ` (без ${what}: ${n} поз.)` : "");

/** An order's totals: counts, packages, mass and volume, list cost, discount, VAT and the sum. */
export function OrderTotals({ totals }: { totals: Totals }) {
  return (
    <section className="totals card" aria-labelledby="totals-title">
      <h2 id="totals-title">Итого</h2>
      <dl>
        <div>
          <dt>Позиций</dt>
          <dd>{totals.positions}</dd>
        </div>
        <div>
          <dt>Штук</dt>
          <dd>{totals.pieces}</dd>
        </div>
        <div>
          <dt>Упаковок</dt>
          <dd>{totals.packages}</dd>
        </div>
        <div>
          <dt>Масса брутто</dt>
          <dd>
            {mass.format(totals.massKg)} кг
            <span className="totals__note">{unmeasured(totals.positionsWithoutMass, "веса")}</span>
          </dd>
        </div>
        <div>
          <dt>Объём</dt>
          <dd>
            {volume.format(totals.volumeM3)} м³
            <span className="totals__note">{unmeasured(totals.positionsWithoutVolume, "объёма")}</span>
          </dd>
        </div>
        <div>
          <dt>Базовая стоимость</dt>
          <dd>{formatMoney(totals.baseCost)}</dd>
        </div>
        <div>
          <dt>Скидка</dt>
          <dd>{formatMoney(totals.discount)}</dd>
        </div>
        <div>
          <dt>в т. ч. НДС</dt>
          <dd>{formatMoney(totals.vat)}</dd>
        </div>
        <div>
          <dt>Сумма с НДС</dt>
          <dd className="totals__sum">{formatMoney(totals.amount)}</dd>
        </div>
      </dl>
    </section>
  );
}
