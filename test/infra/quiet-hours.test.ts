// Quiet hours in Shanghai wall-clock time, across midnight, whatever the machine's own time zone.
import { describe, expect, it } from "vitest";
import { inQuietHours, parseQuietHours } from "../../src/infra/quiet-hours.ts";
import { loadConfig } from "../../src/infra/load-config.ts";

const night = parseQuietHours("21:00-08:00");

describe("quiet hours", () => {
  it.each([
    ["2026-12-02T21:00:00+08:00", true],
    ["2026-12-02T23:59:00+08:00", true],
    ["2027-01-01T00:30:00+08:00", true],
    ["2026-12-03T07:59:00+08:00", true],
    ["2026-12-03T08:00:00+08:00", false],
    ["2026-12-02T20:59:00+08:00", false],
  ])("at %s: %s", (at, quiet) => {
    expect(inQuietHours(night, new Date(at))).toBe(quiet);
  });

  it("can be a span within one day, or off", () => {
    const noon = parseQuietHours("12:00-14:00");
    expect(inQuietHours(noon, new Date("2026-12-02T13:00:00+08:00"))).toBe(true);
    expect(inQuietHours(noon, new Date("2026-12-02T15:00:00+08:00"))).toBe(false);
    expect(inQuietHours(parseQuietHours("off"), new Date("2026-12-02T23:00:00+08:00"))).toBe(false);
  });

  it("are 21:00 to 08:00 unless configured, and a malformed setting is refused with its name", () => {
    expect(loadConfig({}).quietHours).toEqual({ from: 21 * 60, to: 8 * 60 });
    expect(() => loadConfig({ MINYI_QUIET_HOURS: "9pm-8am" })).toThrow(/MINYI_QUIET_HOURS/);
  });
});
