import { describe, expect, it } from "vitest";
import { checkDiscountRows, type DiscountImportRow, overlaps, type StoredDiscount } from "./discount-import.ts";

const row = (validFrom: string, validUntil: string | null, extra: Partial<DiscountImportRow> = {}) => ({
  companyId: "cmp_1",
  priceGroup: "A",
  percent: 10,
  validFrom,
  validUntil,
  ...extra,
});

describe("overlaps (inclusive days, null = open-ended)", () => {
  it.each([
    [["2026-01-01", "2026-03-31"], ["2026-03-31", "2026-06-30"], true],
    [["2026-01-01", "2026-03-31"], ["2026-04-01", "2026-06-30"], false],
    [["2026-01-01", null], ["2030-01-01", "2030-12-31"], true],
    [["2026-05-01", null], ["2026-01-01", "2026-04-30"], false],
    [["2026-01-01", null], ["2025-01-01", null], true],
  ] as const)("%j and %j → %s", ([af, au], [bf, bu], want) => {
    expect(overlaps({ validFrom: af, validUntil: au }, { validFrom: bf, validUntil: bu })).toBe(want);
    expect(overlaps({ validFrom: bf, validUntil: bu }, { validFrom: af, validUntil: au })).toBe(want);
  });
});

describe("checkDiscountRows", () => {
  const stored: StoredDiscount[] = [
    { companyId: "cmp_1", priceGroup: "A", validFrom: "2026-01-01", validUntil: "2026-06-30" },
  ];
  it.each<[string, DiscountImportRow[], (string | true)[]]>([
    ["adjacent periods are fine", [row("2026-07-01", "2026-12-31"), row("2027-01-01", null)], [true, true]],
    [
      "overlap within the file: both rows named",
      [row("2026-07-01", "2026-12-31"), row("2026-12-01", null)],
      [
        "Скидка дилера «cmp_1» на группу «A» пересекается с строкой 2 (с 01.12.2026 без срока)",
        "Скидка дилера «cmp_1» на группу «A» пересекается с строкой 1 (01.07.2026–31.12.2026)",
      ],
    ],
    [
      "overlap with a stored discount",
      [row("2026-06-01", null)],
      ["Скидка дилера «cmp_1» на группу «A» пересекается с действующей (01.01.2026–30.06.2026)"],
    ],
    [
      "a row with the stored first day replaces it",
      [row("2026-01-01", "2026-03-31"), row("2026-04-01", null)],
      [true, true],
    ],
    [
      "another price group or dealer does not overlap",
      [row("2026-06-01", null, { priceGroup: "B" }), row("2026-06-01", null, { companyId: "cmp_2" })],
      [true, true],
    ],
    ["negative percent", [row("2027-01-01", null, { percent: -5 })], ["Скидка должна быть от 0 до 100 %"]],
    [
      "three decimals",
      [row("2027-01-01", null, { percent: 12.345 })],
      ["Скидка — число процентов, не больше двух знаков после запятой"],
    ],
    [
      "bad dates",
      [row("2027-02-30", "31.12.2027")],
      ["Дата начала «2027-02-30»: нужна дата ГГГГ-ММ-ДД", "Дата окончания «31.12.2027»: нужна дата ГГГГ-ММ-ДД"],
    ],
    ["end before start", [row("2027-02-01", "2027-01-31")], ["Дата окончания раньше даты начала"]],
    [
      "missing dealer and group",
      [row("2027-01-01", null, { companyId: " ", priceGroup: "" })],
      ["Не указан дилер", "Не указана ценовая группа"],
    ],
  ])("%s", (_, rows, want) => {
    const got = checkDiscountRows(rows, stored);
    const flat = got.flatMap((c): (string | true)[] => (c.ok ? [true] : c.errors));
    expect(flat).toEqual(want);
  });

  it("keeps the value in basis points", () => {
    expect(checkDiscountRows([row("2027-01-01", null, { percent: 12.5 })], [])).toEqual([
      {
        row: 1,
        ok: true,
        value: { companyId: "cmp_1", priceGroup: "A", percentBp: 1250, validFrom: "2027-01-01", validUntil: null },
      },
    ]);
  });
});
