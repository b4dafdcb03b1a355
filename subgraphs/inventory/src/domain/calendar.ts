/** Business days on a production calendar. Dates are plain ISO dates (no time, no zone). No I/O. */
import type { CalendarYear } from "./calendars/ru.ts";
import { RU_CALENDAR } from "./calendars/ru.ts";

export type CalendarCode = "ru";
const CALENDARS: Record<CalendarCode, Readonly<Record<number, CalendarYear>>> = { ru: RU_CALENDAR };

export interface BusinessCalendar {
  isWorkingDay(date: string): boolean;
}

const dayOfWeek = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A calendar from its data; a year it has no data for counts Monday–Friday only. */
export function businessCalendar(code: CalendarCode): BusinessCalendar {
  const years = CALENDARS[code];
  const holidays = new Set(Object.values(years).flatMap((y) => y.holidays));
  const working = new Set(Object.values(years).flatMap((y) => y.workingWeekends));
  return {
    isWorkingDay(date) {
      if (working.has(date)) return true;
      if (holidays.has(date)) return false;
      const dow = dayOfWeek(date);
      return dow !== 0 && dow !== 6;
    },
  };
}

/** The date `days` working days after `from` (from itself not counted); 0 → from. */
export function addBusinessDays(calendar: BusinessCalendar, from: string, days: number): string {
  let date = from;
  let left = days;
  while (left > 0) {
    date = nextDate(date);
    if (calendar.isWorkingDay(date)) left--;
  }
  return date;
}

/** Today's date in Moscow (lead times count from the supplier's day, not UTC's). */
export function moscowDate(now: Date): string {
  return new Date(now.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
}
