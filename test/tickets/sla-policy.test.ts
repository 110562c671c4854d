import { describe, expect, it } from "vitest";
import { createBusinessCalendar } from "../../src/infra/business-calendar.ts";
import { DEFAULT_SLA_FILE, deadlinesFor, readSlaPolicy } from "../../src/tickets/sla-policy.ts";

const policy = readSlaPolicy(DEFAULT_SLA_FILE);
const calendar = createBusinessCalendar();
const at = (iso: string) => new Date(iso);

describe("deadlines for a ticket", () => {
  it("gives an urgent matter clock hours, whatever the day", () => {
    const d = deadlinesFor(
      policy,
      calendar,
      { urgency: "immediate", categoryL2: "供水供电供气" },
      at("2026-10-01T10:00:00+08:00"),
    );
    expect(d.slaTier).toBe("urgent");
    expect(d.assignDueAt).toEqual(at("2026-10-01T12:00:00+08:00"));
    expect(d.feedbackDueAt).toEqual(at("2026-10-02T10:00:00+08:00"));
  });

  it("counts 7 working days for an ordinary matter, skipping the weekend", () => {
    // Reported Monday 2026-11-23: working days 24, 25, 26, 27, 30, Dec 1, Dec 2.
    const d = deadlinesFor(
      policy,
      calendar,
      { urgency: "normal", categoryL2: "路灯照明" },
      at("2026-11-23T15:00:00+08:00"),
    );
    expect(d.slaTier).toBe("ordinary");
    expect(d.assignDueAt).toEqual(at("2026-11-24T18:00:00+08:00"));
    expect(d.feedbackDueAt).toEqual(at("2026-12-02T18:00:00+08:00"));
  });

  it("skips the National Day holiday and counts its make-up working Saturday", () => {
    // Reported Wed 2026-09-30. Oct 1–7 are off; Sat Oct 10 is a make-up working day.
    // Working days: Oct 8, 9, 10, 12, 13, 14, 15.
    const d = deadlinesFor(
      policy,
      calendar,
      { urgency: "normal", categoryL2: "路灯照明" },
      at("2026-09-30T09:00:00+08:00"),
    );
    expect(d.assignDueAt).toEqual(at("2026-10-08T18:00:00+08:00"));
    expect(d.feedbackDueAt).toEqual(at("2026-10-15T18:00:00+08:00"));
  });

  it("gives a complex category 15 working days", () => {
    const d = deadlinesFor(
      policy,
      calendar,
      { urgency: "normal", categoryL2: "老旧小区改造" },
      at("2026-11-23T15:00:00+08:00"),
    );
    expect(d.slaTier).toBe("complex");
    expect(d.feedbackDueAt).toEqual(at("2026-12-14T18:00:00+08:00"));
  });
});

describe("the working-day calendar", () => {
  it("follows the official schedule and lets admins add days", () => {
    expect(calendar.isWorkingDay("2026-10-01")).toBe(false);
    expect(calendar.isWorkingDay("2026-10-10")).toBe(true); // Saturday, make-up working day
    expect(calendar.isWorkingDay("2026-11-21")).toBe(false); // an ordinary Saturday
    expect(calendar.knownYears).toContain(2026);
    const local = createBusinessCalendar({ holidays: ["2026-11-23"], workdays: ["2026-11-22"] });
    expect(local.isWorkingDay("2026-11-23")).toBe(false);
    expect(local.isWorkingDay("2026-11-22")).toBe(true);
  });
});
