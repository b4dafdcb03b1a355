import type { Rng } from "../prng.ts";
import { type CatalogItem, item, rubles, type TenantCatalog } from "./common.ts";

/**
 * [brand, price group, part name, article pattern, count, price range in roubles].
 * Pattern: "#" = a digit, anything else is kept, so articles look like the makers' own
 * ("0986452041", "W 712/95", "GDB1550").
 */
type Family = [string, string, string, string, number, number, number];

const FAMILIES: Family[] = [
  ["Bosch", "Фильтры", "Фильтр масляный", "0986452###", 14, 380, 950],
  ["Bosch", "Фильтры", "Фильтр воздушный", "F026400###", 10, 650, 1900],
  ["Bosch", "Фильтры", "Фильтр салонный", "1987432###", 10, 590, 1700],
  ["Bosch", "Тормозная система", "Колодки тормозные дисковые передние", "0986494###", 14, 1900, 5200],
  ["Bosch", "Электрика", "Свеча зажигания", "0242235###", 10, 290, 990],
  ["Bosch", "Кузов и оптика", "Щетка стеклоочистителя Aerotwin", "3397007###", 10, 1100, 2600],
  ["Mann-Filter", "Фильтры", "Фильтр масляный", "W ###/##", 14, 420, 1100],
  ["Mann-Filter", "Фильтры", "Фильтр воздушный", "C ####", 10, 700, 2100],
  ["Mann-Filter", "Фильтры", "Фильтр салонный угольный", "CUK ####", 10, 900, 2400],
  ["Mann-Filter", "Фильтры", "Фильтр топливный", "WK ###/#", 8, 900, 2900],
  ["Mahle", "Фильтры", "Фильтр масляный", "OC ###", 10, 390, 990],
  ["NGK", "Электрика", "Свеча зажигания", "BKR#E-##", 8, 240, 690],
  ["NGK", "Электрика", "Свеча зажигания иридиевая", "ILZKR#B##", 6, 1200, 1900],
  ["TRW", "Тормозная система", "Колодки тормозные дисковые", "GDB####", 14, 1700, 4900],
  ["TRW", "Тормозная система", "Диск тормозной вентилируемый", "DF####", 10, 2400, 7800],
  ["TRW", "Подвеска", "Наконечник рулевой тяги", "JTE####", 8, 900, 2400],
  ["Sachs", "Подвеска", "Амортизатор передний газомасляный", "3## ###", 10, 3200, 8900],
  ["Sachs", "Трансмиссия", "Комплект сцепления", "3000 ### ###", 8, 7800, 21000],
  ["Lemförder", "Подвеска", "Рычаг подвески передний нижний", "#### ##", 8, 3900, 11500],
  ["Febi", "Подвеска", "Втулка стабилизатора", "#####", 12, 190, 690],
  ["Febi", "Двигатель", "Термостат", "#####", 6, 1100, 3400],
  ["Gates", "Двигатель", "Ремень поликлиновой", "#PK####", 10, 690, 2300],
  ["Gates", "Двигатель", "Комплект ремня ГРМ", "K0#5###XS", 8, 5200, 14800],
  ["Valeo", "Электрика", "Генератор", "43####", 5, 14500, 32000],
  ["Valeo", "Кузов и оптика", "Фара противотуманная", "0889##", 5, 2900, 7800],
  ["SKF", "Подвеска", "Подшипник ступицы, комплект", "VKBA ####", 8, 2400, 6900],
  ["Castrol", "Масла и жидкости", "Масло моторное синтетическое EDGE 5W-30, 4 л", "15669#", 2, 3900, 4700],
  ["Mobil", "Масла и жидкости", "Масло моторное Super 3000 X1 5W-40, 4 л", "1524##", 2, 3300, 4200],
  ["Liqui Moly", "Масла и жидкости", "Жидкость тормозная DOT 4, 0,5 л", "8###", 3, 490, 890],
];

export const autopartsCatalog: TenantCatalog = {
  content: {
    infoPages: [],
    // The outage notice of the shop's site; the period is over, the admin re-activates it when needed.
    maintenanceBanner: {
      text: "В связи со сбоем сети, кабинеты пользователей временно недоступны. Приносим свои извинения.",
      level: "critical",
      activeFrom: new Date("2026-11-20T09:00:00+03:00"),
      activeUntil: new Date("2026-11-20T18:00:00+03:00"),
      updatedBy: "seed",
    },
  },
  warehouses: [
    { code: "MSK", name: "Склад Москва", city: "Москва", address: "109428, г. Москва, Рязанский пр-т, д. 24, корп. 2" },
    {
      code: "SPB",
      name: "Склад Санкт-Петербург",
      city: "Санкт-Петербург",
      address: "192102, г. Санкт-Петербург, ул. Салова, д. 57",
    },
    {
      code: "EKB",
      name: "Склад Екатеринбург",
      city: "Екатеринбург",
      address: "620102, г. Екатеринбург, ул. Серафимы Дерябиной, д. 32",
    },
  ],
  priceGroups: ["Фильтры и расходники", "Ходовая и тормоза", "Двигатель и электрика"],
  products(rng: Rng): CatalogItem[] {
    const out: CatalogItem[] = [];
    const used = new Set<string>();
    const add = (brand: string, group: string, title: string, article: string, price: number): void => {
      used.add(article);
      out.push(
        item({
          article,
          name: `${title} ${brand}`,
          brand,
          series: group,
          weightGrams: rng.int(60, 9000),
          volumeCm3: rng.int(150, 24000),
          priceGroup: priceGroupOf(group),
          basePrice: price,
        }),
      );
    };
    // The article the brief and the docs quote: keep it exact.
    add("Bosch", "Фильтры", "Фильтр масляный", "0986452041", 54000);
    for (const [brand, group, title, pattern, count, min, max] of FAMILIES) {
      let made = 0;
      while (made < count) {
        const article = pattern.replace(/#/g, () => String(rng.int(0, 9)));
        if (used.has(article)) continue;
        add(brand, group, title, article, rubles(rng, min, max, 10));
        made++;
      }
    }
    return out;
  },
};

function priceGroupOf(group: string): string {
  if (group === "Фильтры" || group === "Масла и жидкости" || group === "Кузов и оптика") return "Фильтры и расходники";
  if (group === "Тормозная система" || group === "Подвеска" || group === "Трансмиссия") return "Ходовая и тормоза";
  return "Двигатель и электрика";
}
