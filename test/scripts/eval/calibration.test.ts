import { describe, expect, it } from "vitest";
import { calibration } from "../../../scripts/eval/calibration.ts";

describe("the calibration report", () => {
  it("bins rows by confidence and weighs each bin's gap between confidence and accuracy by its rows", () => {
    // 0.95 twice, both right (gap 0.05); 0.55 twice, one right (gap 0.05); 0.25 once, right (gap 0.75).
    const report = calibration([0.95, 0.95, 0.55, 0.55, 0.25], [true, true, true, false, true]);
    expect(report.bins.map((b) => [b.from, b.rows])).toEqual([
      [0.2, 1],
      [0.5, 2],
      [0.9, 2],
    ]);
    expect(report.bins[1]!.accuracy).toBe(0.5);
    expect(report.expectedCalibrationError).toBeCloseTo((2 * 0.05 + 2 * 0.05 + 1 * 0.75) / 5, 10);
  });

  it("puts a confidence of exactly 1 in the top bin", () => {
    expect(calibration([1], [true]).bins).toEqual([{ from: 0.9, rows: 1, meanConfidence: 1, accuracy: 1 }]);
  });
});
