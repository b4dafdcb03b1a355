/**
 * The Russian production calendar as data: non-working weekdays and working weekends per year.
 * Saturdays and Sundays are days off unless listed as working.
 *
 * 2026: Постановление Правительства РФ от 24.09.2025 № 1466 (3 and 4 January moved to 9 January
 * and 31 December); 247 working days.
 * 2027: the statutory holidays (ТК РФ ст. 112) and their automatic moves (a holiday on a weekend
 * moves to the next working day, January excepted). The government's transfer decree for 2027
 * (moves of 2–3 January) is not yet in force; add its days here when it is.
 */
export interface CalendarYear {
  /** Weekdays that are not worked (holidays and moved days off), ISO dates. */
  holidays: readonly string[];
  /** Saturdays or Sundays that are worked, ISO dates. */
  workingWeekends: readonly string[];
}

export const RU_CALENDAR: Readonly<Record<number, CalendarYear>> = {
  2026: {
    holidays: [
      "2026-01-01",
      "2026-01-02",
      "2026-01-05",
      "2026-01-06",
      "2026-01-07",
      "2026-01-08",
      "2026-01-09",
      "2026-02-23",
      "2026-03-09",
      "2026-05-01",
      "2026-05-11",
      "2026-06-12",
      "2026-11-04",
      "2026-12-31",
    ],
    workingWeekends: [],
  },
  2027: {
    holidays: [
      "2027-01-01",
      "2027-01-04",
      "2027-01-05",
      "2027-01-06",
      "2027-01-07",
      "2027-01-08",
      "2027-02-23",
      "2027-03-08",
      "2027-05-03",
      "2027-05-10",
      "2027-06-14",
      "2027-11-04",
    ],
    workingWeekends: [],
  },
};
