import type { Rng } from "../prng.ts";
import { type CatalogItem, item, rubles, type TenantCatalog } from "./common.ts";

/** Series with their article base (seed 000: "Серия Aller 1060", "Alme 1500", "Ammer 3700"...). */
const SERIES: [string, number][] = [
  ["Aller", 1060],
  ["Alme", 1500],
  ["Ammer", 3700],
  ["Amper", 2900],
  ["Berkel", 4800],
  ["Dinkel", 5800],
  ["Donau", 5300],
  ["Elbe", 7400],
  ["Isen", 2600],
  ["Lippe", 4500],
  ["Main", 4100],
  ["Rhein", 5900],
  ["Leine", 3500],
  ["Lopau", 3200],
  ["Wern", 4200],
  ["Weser", 7800],
  ["Kammel", 1800],
  ["Dill", 6100],
  ["Exter", 1600],
  ["Salm", 2700],
  ["Oder", 3800],
];

/** Mixers: article suffix, name, price range in roubles, weight range in grams. */
const MIXERS: [string, string, number, number, number][] = [
  ["1", "Смеситель для ванны с коротким изливом", 6500, 14000, 2400],
  ["2L", "Смеситель для ванны с длинным изливом", 7600, 16500, 3100],
  ["3", "Смеситель для раковины", 4200, 9800, 1500],
  ["4", "Смеситель для раковины с высоким изливом", 5600, 12500, 1900],
  ["5", "Смеситель для биде", 4300, 9500, 1450],
  ["7", "Смеситель для кухни с поворотным изливом", 5800, 13000, 2100],
  ["8", "Смеситель для душа", 4800, 10800, 1700],
];

/** Accessories: article offset (K-<base+offset>), name, price range, weight. */
const ACCESSORIES: [number, string, number, number, number][] = [
  [22, "Держатель туалетной бумаги", 900, 2600, 320],
  [23, "Держатель для полотенец", 1400, 3900, 540],
  [24, "Полка стеклянная", 1800, 4600, 1200],
  [25, "Крючок одинарный", 300, 950, 110],
  [26, "Мыльница", 900, 2300, 380],
  [27, "Крючок двойной", 450, 1300, 150],
  [28, "Стакан для зубных щеток", 850, 2100, 340],
  [29, "Дозатор для жидкого мыла", 1300, 3200, 420],
  [30, "Полотенцедержатель двойной", 1900, 4800, 780],
  [40, "Держатель запасного рулона", 700, 1900, 250],
];

export const wasserkraftCatalog: TenantCatalog = {
  content: {
    infoPages: [
      {
        slug: "o-razdele",
        title: "О разделе",
        body: "Раздел **«Полезная информация»** будет постоянно обновляться. Сюда будет добавляться информация, которая может пригодиться для вашей работы и нашего сотрудничества.",
        position: 1,
        published: true,
      },
      {
        slug: "kak-sdelat-zakaz",
        title: "Как сделать новый online заказ",
        body: "После того, как изделия были добавлены в корзину, вы можете оформить заказ.\n\n1. Нажмите **«Оформить заказ»**.\n2. Проверьте позиции и количество, при необходимости напишите комментарий.\n3. Отметьте «Я проверил содержимое заказа» и нажмите **«Отправить запрос»**.\n\nЗапрос получит менеджер, ответственный за работу с вашей компанией; копия заказа придёт вам на почту.",
        position: 2,
        published: true,
      },
      {
        slug: "garantiya",
        title: "Гарантийные условия",
        body: "Черновик: условия гарантии на смесители и аксессуары.",
        position: 3,
        published: false,
      },
    ],
  },
  promotions: [
    {
      title: "Aller 1060: −15 % на смесители серии",
      body: "До конца года смесители серии Aller 1060 — со скидкой 15 % от базовой цены.\n\nАкция действует по всей территории РФ для партнёров и конечных покупателей.",
      imageUrl: "/promo/wasserkraft-aller.svg",
      individual: false,
      validFrom: "2026-11-01",
      validUntil: "2026-12-31",
    },
    {
      title: "Отсрочка платежа 45 дней",
      body: "Для партнёров, выполнивших план III квартала: отсрочка платежа 45 дней на заказы до 31 декабря.",
      imageUrl: "/promo/wasserkraft-partner.svg",
      individual: true,
      validFrom: "2026-10-01",
      validUntil: "2026-12-31",
    },
  ],
  warehouses: [
    {
      code: "MSK",
      name: "Склад Москва",
      city: "Москва",
      address: "142703, Московская обл., г. Видное, Белокаменное ш., д. 10",
    },
    {
      code: "SPB",
      name: "Склад Санкт-Петербург",
      city: "Санкт-Петербург",
      address: "196158, г. Санкт-Петербург, Пулковское ш., д. 42, корп. 6",
    },
  ],
  priceGroups: ["Смесители", "Аксессуары", "Душевые системы"],
  products(rng: Rng): CatalogItem[] {
    const out: CatalogItem[] = [];
    for (const [series, base] of SERIES) {
      const seriesName = `${series} ${base}`;
      const tier = 0.8 + rng.next() * 0.6; // some series are pricier than others
      for (const [suffix, title, min, max, weight] of MIXERS) {
        if (!rng.chance(0.8)) continue;
        const article = `${base + Number.parseInt(suffix, 10)}${suffix.replace(/^\d+/, "")}`;
        const price = rubles(rng, Math.round(min * tier), Math.round(max * tier));
        out.push(mixer(series, seriesName, article, title, price, weight, rng));
        if (base === 1060 || rng.chance(0.12)) {
          // White-finish twin of the same article (seed: "Aller 1062LWHITE").
          const white = rubles(rng, Math.round((price / 100) * 1.25), Math.round((price / 100) * 1.4));
          out.push(mixer(series, `${seriesName}WHITE`, `${article}WHITE`, title, white, weight, rng));
        }
      }
      if (rng.chance(0.45)) {
        out.push(
          item({
            article: `A${base + 11}`,
            name: `${series} A${base + 11} Душевой комплект с верхним душем`,
            brand: "WasserKRAFT",
            series: seriesName,
            priceGroup: "Душевые системы",
            basePrice: rubles(rng, Math.round(17000 * tier), Math.round(42000 * tier)),
            weightGrams: rng.int(5200, 8800),
            volumeCm3: rng.int(18000, 36000),
          }),
        );
      }
      for (const [offset, title, min, max, weight] of ACCESSORIES) {
        if (!rng.chance(0.7)) continue;
        const article = `K-${base + offset}`;
        out.push(
          item({
            article,
            name: `${series} ${article} ${title}`,
            brand: "WasserKRAFT",
            series: seriesName,
            priceGroup: "Аксессуары",
            basePrice: rubles(rng, Math.round(min * tier), Math.round(max * tier)),
            weightGrams: weight + rng.int(-40, 60),
            volumeCm3: rng.int(400, 3200),
          }),
        );
      }
    }
    return out;
  },
};

function mixer(
  series: string,
  seriesName: string,
  article: string,
  title: string,
  price: number,
  weight: number,
  rng: Rng,
): CatalogItem {
  return item({
    article,
    name: `${series} ${article} ${title}`,
    brand: "WasserKRAFT",
    series: seriesName,
    priceGroup: "Смесители",
    basePrice: price,
    weightGrams: weight + rng.int(-150, 250),
    volumeCm3: rng.int(2500, 7500),
  });
}
