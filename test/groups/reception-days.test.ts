import { describe, expect, it } from "vitest";
import { createBusinessCalendar } from "../../src/infra/business-calendar.ts";
import { onDuty } from "../../src/groups/duty-roster.ts";
import { receptionDatesIn } from "../../src/groups/reception-days.ts";
import { receptionNoticesDue } from "../../src/scheduled/reception-notices-due.ts";
import type { ReceptionRule } from "../../src/groups/reception-rule.ts";

const calendar = createBusinessCalendar();
const dates = (rule: Pick<ReceptionRule, "pattern" | "holidayPolicy">, year: number, month: number) =>
  receptionDatesIn(rule, year, month, calendar).map((d) => d.date);

describe("reception days of a month", () => {
  it("keeps a day of the month that is a working day", () => {
    expect(dates({ pattern: { days: [10] }, holidayPolicy: "next_working_day" }, 2026, 12)).toEqual(["2026-12-10"]);
  });

  it("moves a day that falls on a weekend to the next working day, or keeps it, as the group's policy says", () => {
    // 2026-12-05 is a Saturday, 2026-12-25 a Friday.
    expect(dates({ pattern: { days: [5, 25] }, holidayPolicy: "next_working_day" }, 2026, 12)).toEqual([
      "2026-12-07",
      "2026-12-25",
    ]);
    expect(dates({ pattern: { days: [5, 25] }, holidayPolicy: "keep" }, 2026, 12)).toEqual([
      "2026-12-05",
      "2026-12-25",
    ]);
  });

  it("moves a day in the National Day holiday past the holiday, and keeps one on a make-up working Saturday", () => {
    expect(dates({ pattern: { days: [1] }, holidayPolicy: "next_working_day" }, 2026, 10)).toEqual(["2026-10-08"]);
    expect(dates({ pattern: { days: [10] }, holidayPolicy: "next_working_day" }, 2026, 10)).toEqual(["2026-10-10"]);
  });

  it("reads a day past the month's end as its last day", () => {
    expect(dates({ pattern: { days: [31] }, holidayPolicy: "keep" }, 2026, 11)).toEqual(["2026-11-30"]);
  });

  it("finds the nth and the last weekday of a month, and none when the month has no such day", () => {
    expect(dates({ pattern: { nth: 2, weekday: 3 }, holidayPolicy: "keep" }, 2026, 12)).toEqual(["2026-12-09"]);
    expect(dates({ pattern: { nth: -1, weekday: 5 }, holidayPolicy: "keep" }, 2026, 11)).toEqual(["2026-11-27"]);
    expect(dates({ pattern: { nth: 5, weekday: 1 }, holidayPolicy: "keep" }, 2026, 12)).toEqual([]);
  });
});

describe("the duty roster", () => {
  const rule = {
    pattern: { days: [10] },
    holidayPolicy: "keep" as const,
    roster: ["a", "b", "c"],
    perDay: 1,
    dutyOverrides: {},
  };

  it("rotates through the roster from one reception day to the next, across months and years", () => {
    const days = [
      [2026, 11],
      [2026, 12],
      [2027, 1],
      [2027, 2],
    ].map(([y, m]) => receptionDatesIn(rule, y!, m!, calendar)[0]!);
    const duty = days.map((d) => onDuty(rule, d)[0]);
    expect(new Set(duty.slice(0, 3)).size).toBe(3);
    expect(duty[3]).toBe(duty[0]);
  });

  it("puts perDay deputies on duty, taking turns in pairs", () => {
    const pairs = { ...rule, roster: ["a", "b", "c", "d"], perDay: 2 };
    const [nov, dec] = [11, 12].map((m) => onDuty(pairs, receptionDatesIn(pairs, 2026, m, calendar)[0]!));
    expect(nov).toHaveLength(2);
    expect([...nov!, ...dec!].sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("lets an override for the date replace the rotation", () => {
    const day = receptionDatesIn(rule, 2026, 12, calendar)[0]!;
    expect(onDuty({ ...rule, dutyOverrides: { "2026-12-10": ["c", "a"] } }, day)).toEqual(["c", "a"]);
  });
});

describe("which notices are due", () => {
  const rule: ReceptionRule = {
    groupId: 7,
    pattern: { days: [10] },
    startTime: "09:00",
    endTime: "11:30",
    place: "联络站",
    holidayPolicy: "next_working_day",
    roster: [],
    perDay: 1,
    dutyOverrides: {},
  };
  const at = (s: string) => new Date(s);
  const keys = (now: string, r = rule) => receptionNoticesDue(r, at(now), calendar).map((n) => n.key);

  it("sends the advance notice from 09:00 three days before, for 24 hours", () => {
    expect(keys("2026-12-07T08:59:00+08:00")).toEqual([]);
    expect(keys("2026-12-07T09:00:30+08:00")).toEqual(["reminder:7:2026-12-10:T-3"]);
    expect(keys("2026-12-08T08:59:00+08:00")).toEqual(["reminder:7:2026-12-10:T-3"]);
    expect(keys("2026-12-08T09:00:00+08:00")).toEqual([]);
  });

  it("sends the morning notice from 08:00 on the day until the reception starts", () => {
    expect(keys("2026-12-10T08:00:00+08:00")).toEqual(["reminder:7:2026-12-10:T-0"]);
    expect(keys("2026-12-10T08:59:59+08:00")).toEqual(["reminder:7:2026-12-10:T-0"]);
    expect(keys("2026-12-10T09:00:00+08:00")).toEqual([]);
  });

  it("counts the three days from the day the reception is actually held", () => {
    const fifth = { ...rule, pattern: { days: [5] } }; // Sat 2026-12-05 → Mon 2026-12-07
    expect(keys("2026-12-04T09:00:00+08:00", fifth)).toEqual(["reminder:7:2026-12-07:T-3"]);
    expect(keys("2026-12-02T09:00:00+08:00", fifth)).toEqual([]);
  });
});
