/**
 * Units of measure → their codes in ОКЕИ (Общероссийский классификатор единиц измерения,
 * ОК 015-94), the code column of ТОРГ-12, УПД and the счёт-фактура. Keys are the symbols a
 * catalog writes (lower case, without the final dot), with the usual spelled-out variants.
 */
const OKEI: Record<string, string> = {
  мм: "003",
  см: "004",
  м: "006",
  метр: "006",
  км: "008",
  "пог. м": "018",
  "пог.м": "018",
  м2: "055",
  "м²": "055",
  "кв. м": "055",
  мл: "111",
  л: "112",
  литр: "112",
  м3: "113",
  "м³": "113",
  "куб. м": "113",
  г: "163",
  кг: "166",
  т: "168",
  ч: "356",
  лист: "625",
  набор: "704",
  пар: "715",
  пара: "715",
  пач: "728",
  пачка: "728",
  рул: "736",
  рулон: "736",
  упак: "778",
  уп: "778",
  упаковка: "778",
  шт: "796",
  штука: "796",
  компл: "839",
  комплект: "839",
  "усл. ед": "876",
};

const normalize = (unit: string) => unit.trim().toLowerCase().replace(/\s+/g, " ").replace(/\.$/, "");

/**
 * The ОКЕИ code of a unit, or "—" for a unit the classifier does not list (the Ministry of
 * Finance lets the code column hold a dash then, letter 03-07-05/42 of 15.10.2012).
 */
export function okeiCode(unit: string): string {
  return OKEI[normalize(unit)] ?? "—";
}
