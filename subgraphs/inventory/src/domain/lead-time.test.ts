import { describe, expect, it } from "vitest";
import { addBusinessDays, businessCalendar, moscowDate } from "./calendar.ts";
import { leadTime, roundToPack } from "./lead-time.ts";

const ru = businessCalendar("ru");

describe("the Russian production calendar", () => {
  it("has 247 working days in 2026 (the government's figure)", () => {
    let n = 0;
    for (let d = new Date("2026-01-01T00:00:00Z"); d.getUTCFullYear() === 2026; d.setUTCDate(d.getUTCDate() + 1)) {
      if (ru.isWorkingDay(d.toISOString().slice(0, 10))) n++;
    }
    expect(n).toBe(247);
  });

  it.each([
    ["2026-01-09", false, "3 January moved to Friday 9 January"],
    ["2026-01-12", true, "the first working day of 2026"],
    ["2026-03-09", false, "8 March on a Sunday moves to Monday"],
    ["2026-05-11", false, "9 May on a Saturday moves to Monday"],
    ["2026-11-04", false, "a mid-week holiday"],
    ["2026-12-31", false, "4 January moved to 31 December"],
    ["2026-11-23", true, "an ordinary Monday"],
    ["2026-11-28", false, "an ordinary Saturday"],
    ["2027-05-03", false, "1 May 2027 on a Saturday moves to Monday"],
    ["2027-06-14", false, "12 June 2027 on a Saturday moves to Monday"],
  ])("%s working: %s (%s)", (date, working) => {
    expect(ru.isWorkingDay(date)).toBe(working);
  });

  it.each([
    ["2026-11-23", 0, "2026-11-23"],
    ["2026-11-23", 1, "2026-11-24"],
    ["2026-11-27", 1, "2026-11-30"], // Friday → Monday
    ["2026-11-03", 1, "2026-11-05"], // over 4 November
    ["2026-12-30", 1, "2027-01-11"], // over the New Year holidays
    ["2026-12-30", 2, "2027-01-12"],
    ["2026-05-08", 1, "2026-05-12"], // over 9–11 May
  ])("%s + %i business days = %s", (from, days, expected) => {
    expect(addBusinessDays(ru, from, days)).toBe(expected);
  });

  it("counts the day in Moscow", () => {
    expect(moscowDate(new Date("2026-11-23T21:30:00Z"))).toBe("2026-11-24");
    expect(moscowDate(new Date("2026-11-23T20:59:00Z"))).toBe("2026-11-23");
  });
});

describe("lead time", () => {
  const settings = { shippingDays: 1, replenishmentDays: 7 };
  const at = (requested: number, available: number, packMultiple = 1, today = "2026-11-23") =>
    leadTime({ requested, packMultiple, unit: "шт", available, settings, calendar: ru, today });

  it.each([
    [5, 10, 1, "5 шт. - 1 раб. дн.", [["5", 1, "2026-11-24"]]],
    [
      5,
      2,
      1,
      "2 шт. - 1 раб. дн.; 3 шт. - 7 раб. дн.",
      [
        ["2", 1, "2026-11-24"],
        ["3", 7, "2026-12-02"],
      ],
    ],
    [5, 0, 1, "5 шт. - 7 раб. дн.", [["5", 7, "2026-12-02"]]],
    [5, -3, 1, "5 шт. - 7 раб. дн.", [["5", 7, "2026-12-02"]]],
    [
      7,
      6,
      6,
      "6 шт. - 1 раб. дн.; 6 шт. - 7 раб. дн.",
      [
        ["6", 1, "2026-11-24"],
        ["6", 7, "2026-12-02"],
      ],
    ],
    [12, 12, 6, "12 шт. - 1 раб. дн.", [["12", 1, "2026-11-24"]]],
  ])("%i requested, %i available, pack %i → %s", (requested, available, pack, text, parts) => {
    const r = at(requested, available, pack);
    expect(r.text).toBe(text);
    expect(r.parts.map((p) => [String(p.quantity), p.businessDays, p.readyDate])).toEqual(parts);
  });

  it("counts over holidays: ordered on 30 December 2026, production ready in the new year", () => {
    const r = at(4, 1, 1, "2026-12-30");
    expect(r.parts).toEqual([
      { quantity: 1, businessDays: 1, readyDate: "2027-01-11" },
      { quantity: 3, businessDays: 7, readyDate: "2027-01-19" },
    ]);
  });

  it("rounds to the pack and refuses a non-positive request", () => {
    expect([roundToPack(1, 6), roundToPack(6, 6), roundToPack(7, 6), roundToPack(3, 1), roundToPack(3, 0)]).toEqual([
      6, 6, 12, 3, 3,
    ]);
    expect(() => at(0, 5)).toThrow(RangeError);
  });
});
