// Which days are working days in mainland China: weekends off, public holidays off, and the make-up
// working days (调休) on. The official schedule comes from the maintained `chinese-days` package (its
// data file; the State Council publishes each year's schedule in November or December); admins can add
// or override days in a file (MINYI_HOLIDAYS_FILE) when the package is behind.
// All dates are calendar dates in Asia/Shanghai, written YYYY-MM-DD.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";

export interface BusinessCalendar {
  isWorkingDay(date: string): boolean;
  /** The years the official schedule covers; outside them only weekends count as days off. */
  readonly knownYears: number[];
}

export const CalendarOverridesSchema = z.object({
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
  workdays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
});
export type CalendarOverrides = z.infer<typeof CalendarOverridesSchema>;

function officialSchedule(): { holidays: Set<string>; workdays: Set<string> } {
  const require = createRequire(import.meta.url);
  const data = JSON.parse(readFileSync(require.resolve("chinese-days/dist/chinese-days.json"), "utf8")) as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  return { holidays: new Set(Object.keys(data.holidays)), workdays: new Set(Object.keys(data.workdays)) };
}

export function readCalendarOverrides(path: string): CalendarOverrides {
  const parsed = CalendarOverridesSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success)
    throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

export function createBusinessCalendar(
  overrides: CalendarOverrides = { holidays: [], workdays: [] },
): BusinessCalendar {
  const { holidays, workdays } = officialSchedule();
  for (const d of overrides.holidays) {
    holidays.add(d);
    workdays.delete(d);
  }
  for (const d of overrides.workdays) {
    workdays.add(d);
    holidays.delete(d);
  }
  const knownYears = [...new Set([...holidays].map((d) => Number(d.slice(0, 4))))].sort();
  return {
    knownYears,
    isWorkingDay(date) {
      if (holidays.has(date)) return false;
      if (workdays.has(date)) return true;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
  };
}

/** A calendar whose overrides can be replaced while it is in use (holidays changed on the desk). */
export function swappableCalendar(initial: BusinessCalendar): {
  calendar: BusinessCalendar;
  swap(next: BusinessCalendar): void;
} {
  let current = initial;
  return {
    calendar: {
      isWorkingDay: (date) => current.isWorkingDay(date),
      get knownYears() {
        return current.knownYears;
      },
    },
    swap: (next) => void (current = next),
  };
}
