import { describe, expect, it } from "vitest";
import { shanghaiMonth } from "../../src/infra/shanghai-time.ts";

describe("the Shanghai calendar month", () => {
  it("runs from the 1st 00:00 +08:00 to the next month's 1st, across a year end", () => {
    // 2026-12-31 17:00 UTC is already 2027-01-01 01:00 in Shanghai.
    expect(shanghaiMonth(new Date("2026-12-31T17:00:00Z"))).toEqual({
      start: new Date("2027-01-01T00:00:00+08:00"),
      end: new Date("2027-02-01T00:00:00+08:00"),
    });
    expect(shanghaiMonth(new Date("2026-12-15T12:00:00+08:00"))).toEqual({
      start: new Date("2026-12-01T00:00:00+08:00"),
      end: new Date("2027-01-01T00:00:00+08:00"),
    });
  });
});
