import type { Rng } from "../prng.ts";
import { type CatalogItem, item, type TenantCatalog } from "./common.ts";

const CURRENTS = [1, 2, 3, 4, 6, 10, 13, 16, 20, 25, 32, 40, 50, 63];
const BREAKER_PACK: Record<number, number> = { 1: 12, 2: 6, 3: 1, 4: 1 };

/** Six-digit KEAZ articles (seed: "Артикул: 326794"), unique and deterministic. */
function articles(rng: Rng): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const a = String(rng.int(100000, 399999));
      if (!used.has(a)) {
        used.add(a);
        return a;
      }
    }
  };
}

/** Price in kopecks from roubles with kopecks (KEAZ prices carry kopecks: "281,00 ₽", "22 877,00 Р"). */
const kop = (rub: number): number => Math.round(rub * 100);

export const keazCatalog: TenantCatalog = {
  warehouses: [
    { code: "KRS", name: "Склад КЭАЗ Курск", city: "Курск", address: "305000, г. Курск, ул. Луначарского, д. 8" },
    {
      code: "MSK",
      name: "Склад КЭАЗ Москва",
      city: "Москва",
      address: "109052, г. Москва, ул. Смирновская, д. 25, стр. 1",
    },
    {
      code: "NSK",
      name: "Склад КЭАЗ Новосибирск",
      city: "Новосибирск",
      address: "630088, г. Новосибирск, ул. Петухова, д. 69",
    },
  ],
  priceGroups: ["OptiDin", "OptiStart", "OptiMat", "Аксессуары"],
  products(rng: Rng): CatalogItem[] {
    const next = articles(rng);
    const out: CatalogItem[] = [];
    const group = "Модульное оборудование";

    // Miniature circuit breakers OptiDin BM63 (seed: "OptiDin BM63-1C16-4,5-УХЛ3", 281 ₽, pack 12).
    for (const poles of [1, 2, 3, 4]) {
      for (const ch of ["B", "C", "D"]) {
        for (const amps of CURRENTS) {
          if (ch !== "C" && (amps < 6 || rng.chance(0.45))) continue;
          const base = 255 + amps * 1.6 + (ch === "D" ? 120 : ch === "B" ? 15 : 0);
          out.push(
            item({
              article: next(),
              name: `Автоматический выключатель OptiDin BM63-${poles}${ch}${amps}-4,5-УХЛ3`,
              brand: "КЭАЗ",
              series: `${group} / Автоматические выключатели OptiDin BM63`,
              packMultiple: BREAKER_PACK[poles] ?? 1,
              weightGrams: 115 * poles + rng.int(0, 10),
              volumeCm3: 125 * poles,
              priceGroup: "OptiDin",
              basePrice: kop(Math.round(base * poles * (poles > 1 ? 1.08 : 1))),
            }),
          );
        }
      }
    }
    // Residual current breakers OptiDin D63.
    for (const poles of [2, 4]) {
      for (const amps of [6, 10, 16, 20, 25, 32, 40, 63]) {
        for (const leak of [10, 30, 100, 300]) {
          if (leak !== 30 && rng.chance(0.5)) continue;
          out.push(
            item({
              article: next(),
              name: `Дифференциальный автомат OptiDin D63-${poles}C${amps}-A-${leak}-УХЛ4`,
              brand: "КЭАЗ",
              series: `${group} / Дифференциальные автоматы OptiDin D63`,
              packMultiple: poles === 2 ? 6 : 1,
              weightGrams: poles === 2 ? 230 : 440,
              volumeCm3: poles === 2 ? 300 : 560,
              priceGroup: "OptiDin",
              basePrice: kop(2150 + amps * 21 + (poles === 4 ? 1900 : 0) + (leak === 10 ? 350 : 0)),
            }),
          );
        }
      }
    }
    // Contactors OptiStart K.
    for (const amps of [9, 12, 18, 25, 32, 40, 50, 65, 80, 95]) {
      for (const coil of ["24-AC", "230-AC", "400-AC", "24-DC"]) {
        if (coil !== "230-AC" && rng.chance(0.35)) continue;
        out.push(
          item({
            article: next(),
            name: `Контактор OptiStart K-${String(amps).padStart(2, "0")}-10-${coil}-УХЛ4`,
            brand: "КЭАЗ",
            series: "Пускорегулирующая аппаратура / Контакторы OptiStart K",
            weightGrams: 320 + amps * 14,
            volumeCm3: 450 + amps * 20,
            priceGroup: "OptiStart",
            basePrice: kop(1180 + amps * 64 + (coil.endsWith("DC") ? 780 : 0)),
          }),
        );
      }
    }
    // Thermal overload relays OptiStart RT.
    for (const [lo, hi] of [
      [0.4, 0.63],
      [1, 1.6],
      [2.5, 4],
      [5.5, 8],
      [9, 13],
      [12, 18],
      [17, 25],
      [23, 32],
    ] as const) {
      out.push(
        item({
          article: next(),
          name: `Реле тепловое OptiStart RT-25-${String(lo).replace(".", ",")}-${String(hi).replace(".", ",")}-УХЛ4`,
          brand: "КЭАЗ",
          series: "Пускорегулирующая аппаратура / Тепловые реле OptiStart RT",
          weightGrams: 150,
          volumeCm3: 210,
          priceGroup: "OptiStart",
          basePrice: kop(1420 + Math.round(hi * 9)),
        }),
      );
    }
    // Moulded case circuit breakers OptiMat D.
    for (const [frame, currents] of [
      [100, [16, 25, 40, 63, 80, 100]],
      [250, [125, 160, 200, 250]],
      [400, [320, 400]],
      [630, [500, 630]],
    ] as const) {
      for (const amps of currents) {
        for (const kind of ["N", "S"]) {
          out.push(
            item({
              article: next(),
              name: `Автоматический выключатель OptiMat D${frame}${kind}-MR1-УХЛ3 ${amps}А`,
              brand: "КЭАЗ",
              series: "Силовые автоматические выключатели / OptiMat D",
              weightGrams: frame * 9 + 300,
              volumeCm3: frame * 12 + 900,
              priceGroup: "OptiMat",
              basePrice: kop(frame * 92 + amps * 18 + (kind === "S" ? frame * 25 : 0)),
            }),
          );
        }
      }
    }
    // Terminals OptiClip: sold by the hundred.
    for (const section of ["1,5", "2,5", "4", "6", "10", "16", "35"]) {
      for (const colour of ["серый", "синий", "желто-зеленый"]) {
        out.push(
          item({
            article: next(),
            name: `Клемма винтовая OptiClip KA-${section} ${colour}`,
            brand: "КЭАЗ",
            series: `${group} / Клеммы OptiClip`,
            packMultiple: 100,
            minQuantity: 100,
            weightGrams: 8 + rng.int(0, 12),
            volumeCm3: 12,
            priceGroup: "Аксессуары",
            basePrice: kop(Number((14 + Number.parseFloat(section.replace(",", ".")) * 1.9).toFixed(2))),
          }),
        );
      }
    }
    // Push buttons OptiSignal D22.
    for (const [type, title] of [
      ["A5-P", "Кнопка"],
      ["A5-PL", "Кнопка с подсветкой"],
      ["A5-M", "Кнопка грибовидная"],
    ] as const) {
      for (const [code, colour] of [
        ["2", "зеленая"],
        ["4", "красная"],
        ["5", "желтая"],
        ["6", "синяя"],
        ["1", "белая"],
      ] as const) {
        out.push(
          item({
            article: next(),
            name: `${title} OptiSignal D22 ${type}A-${code} ${colour} 1НО`,
            brand: "КЭАЗ",
            series: "Светосигнальная арматура / OptiSignal D22",
            packMultiple: 12,
            weightGrams: 45,
            volumeCm3: 60,
            priceGroup: "Аксессуары",
            basePrice: kop(type === "A5-PL" ? 410 : type === "A5-M" ? 520 : 265),
          }),
        );
      }
    }
    // Automatic transfer switch units (seed: "Блок автоматического ввода резерва OptiSave L-230-УХЛ4", 22 877 ₽).
    for (const [model, price] of [
      ["L-230-УХЛ4", 22877],
      ["L-400-УХЛ4", 26410],
      ["M-230-УХЛ4", 31250],
      ["M-400-УХЛ4", 34780],
    ] as const) {
      out.push(
        item({
          article: next(),
          name: `Блок автоматического ввода резерва OptiSave ${model}`,
          brand: "КЭАЗ",
          series: `${group} / Блоки АВР OptiSave`,
          weightGrams: 208,
          volumeCm3: 805,
          priceGroup: "Аксессуары",
          basePrice: kop(price),
        }),
      );
    }
    return out;
  },
};
