import { describe, expect, it } from "vitest";
import { checkImportRows, type ImportRow } from "./product-import.ts";

const ok: ImportRow = { article: "0983", name: "Полка", basePrice: 100000 };
const known = new Set(["326794"]);

describe("checkImportRows", () => {
  it.each<[string, Partial<ImportRow>, string[]]>([
    ["a valid row", {}, []],
    ["a negative price", { basePrice: -1 }, ["Цена не может быть отрицательной"]],
    ["a fractional price", { basePrice: 10.5 }, ["Цена должна быть целым числом копеек"]],
    [
      "a malformed EAN",
      { ean13: "4006381333932" },
      ["EAN-13 «4006381333932»: неверная контрольная цифра (ожидалась 1)"],
    ],
    ["an EAN with spaces", { ean13: "4 006381 333931" }, []],
    ["no article", { article: "" }, ["Не указан артикул"]],
    [
      "an article with a trailing space",
      { article: "0983 " },
      ["Артикул «0983 » начинается или заканчивается пробелом"],
    ],
    ["no name", { name: " " }, ["Не указано наименование"]],
    ["pack multiple 0", { packMultiple: 0 }, ["Кратность упаковки должна быть целым числом не меньше 1"]],
    ["negative weight", { weightGrams: -5 }, ["Вес должен быть неотрицательным целым числом"]],
    ["a short HS code", { hsCode: "8536" }, ["Код ТН ВЭД «8536»: нужно 10 цифр"]],
    ["a known successor", { discontinued: true, successors: ["326794"] }, []],
    ["an unknown successor", { discontinued: true, successors: ["999999"] }, ["Неизвестный артикул замены «999999»"]],
    [
      "a successor of a current product",
      { successors: ["326794"] },
      ["Замена указывается только для товара, снятого с производства"],
    ],
    ["itself as successor", { discontinued: true, successors: ["0983"] }, ["Товар не может заменять сам себя"]],
    [
      "several problems at once",
      { basePrice: -1, ean13: "12", packMultiple: 0 },
      [
        "Цена не может быть отрицательной",
        "Кратность упаковки должна быть целым числом не меньше 1",
        "EAN-13 «12»: нужно 13 цифр, а в коде 2",
      ],
    ],
  ])("%s", (_, patch, errors) => {
    const [r] = checkImportRows([{ ...ok, ...patch }], known);
    expect(r?.ok ? [] : r?.errors).toEqual(errors);
  });

  it("names duplicates by row and accepts successors from the same file", () => {
    const r = checkImportRows(
      [
        { ...ok, discontinued: true, successors: ["NEW-1"] },
        { article: "NEW-1", name: "Новинка", basePrice: 5 },
        { ...ok, name: "Дубль" },
      ],
      known,
    );
    expect(r.map((x) => (x.ok ? "ok" : x.errors))).toEqual(["ok", "ok", ["Артикул «0983» уже есть в строке 1"]]);
    expect(r[2]).toMatchObject({ row: 3, article: "0983" });
  });
});
