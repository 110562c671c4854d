import { describe, expect, it } from "vitest";
import { isoWeekKey, monthlyDigestDue, weeklyDigestDue } from "../../src/scheduled/digest-schedule.ts";

const at = (s: string) => new Date(s);
const longAgo = at("2026-01-01T00:00:00+08:00");
const monday9 = { digestWeekday: 1, digestTime: "09:00", knownSince: longAgo };

describe("the weekly digest's schedule", () => {
  it("is due from Monday 09:00 and reports on the seven days before, keyed by that week", () => {
    const due = weeklyDigestDue(monday9, at("2026-11-30T09:00:05+08:00"))!;
    expect(due.weekKey).toBe("2026-W48");
    expect(due.dueAt).toEqual(at("2026-11-30T09:00:00+08:00"));
    expect(due.week).toEqual({ from: at("2026-11-23T00:00:00+08:00"), to: at("2026-11-30T00:00:00+08:00") });
    expect(due.previousWeek).toEqual({ from: at("2026-11-16T00:00:00+08:00"), to: at("2026-11-23T00:00:00+08:00") });
    expect(due.range).toBe("11月23日—11月29日");
  });

  it("may still be caught up within 24 hours, and not after", () => {
    expect(weeklyDigestDue(monday9, at("2026-12-01T08:59:00+08:00"))?.weekKey).toBe("2026-W48");
    expect(weeklyDigestDue(monday9, at("2026-12-01T09:00:00+08:00"))).toBeNull();
    expect(weeklyDigestDue(monday9, at("2026-11-30T08:59:00+08:00"))).toBeNull();
  });

  it("follows a group's own day and time", () => {
    const due = weeklyDigestDue(
      { digestWeekday: 5, digestTime: "17:00", knownSince: longAgo },
      at("2026-12-04T17:00:00+08:00"),
    )!;
    expect(due.weekKey).toBe("2026-W49");
    expect(due.range).toBe("11月27日—12月3日");
  });

  it("is not due for a week that ended before the group was first seen, even within its grace window", () => {
    const mondayMorning = at("2026-11-30T09:30:00+08:00");
    expect(weeklyDigestDue({ ...monday9, knownSince: at("2026-11-30T09:29:00+08:00") }, mondayMorning)).toBeNull();
    expect(weeklyDigestDue({ ...monday9, knownSince: at("2026-11-30T00:00:00+08:00") }, mondayMorning)).toBeNull();
  });

  it("is due for a week the group existed in for part of it", () => {
    const lateSunday = at("2026-11-29T23:30:00+08:00");
    expect(weeklyDigestDue({ ...monday9, knownSince: lateSunday }, at("2026-11-30T09:00:00+08:00"))?.weekKey).toBe(
      "2026-W48",
    );
  });

  it("names weeks by ISO week-numbering year", () => {
    expect(isoWeekKey("2027-01-01")).toBe("2026-W53");
    expect(isoWeekKey("2026-12-07")).toBe("2026-W50");
  });
});

describe("the monthly digest's schedule", () => {
  it("is due from 09:00 on the 1st for 72 hours and reports on the month before", () => {
    expect(monthlyDigestDue(longAgo, at("2026-12-01T08:59:00+08:00"))).toBeNull();
    const due = monthlyDigestDue(longAgo, at("2026-12-01T09:00:00+08:00"))!;
    expect(due.monthKey).toBe("2026-11");
    expect(due.month).toEqual({ from: at("2026-11-01T00:00:00+08:00"), to: at("2026-12-01T00:00:00+08:00") });
    expect(due.label).toBe("2026年11月");
    expect(monthlyDigestDue(longAgo, at("2026-12-04T08:59:00+08:00"))?.monthKey).toBe("2026-11");
    expect(monthlyDigestDue(longAgo, at("2026-12-04T09:00:00+08:00"))).toBeNull();
    expect(monthlyDigestDue(longAgo, at("2027-01-01T10:00:00+08:00"))?.monthKey).toBe("2026-12");
  });

  it("is not due for a month that ended before the group was first seen", () => {
    const newYear = at("2027-01-01T09:30:00+08:00");
    expect(monthlyDigestDue(at("2027-01-01T09:29:00+08:00"), newYear)).toBeNull();
    expect(monthlyDigestDue(at("2026-12-31T23:59:00+08:00"), newYear)?.monthKey).toBe("2026-12");
  });
});
