import { describe, expect, it } from "vitest";
import { evaluate } from "../../../scripts/eval/metrics.ts";

describe("evaluate", () => {
  it("computes accuracy, per-class precision / recall / F1, macro-F1 and the confusion matrix", () => {
    const truth = ["a", "a", "a", "b", "b", "c"];
    const predicted = ["a", "a", "b", "b", "b", "a"];
    const r = evaluate(truth, predicted);
    expect(r.accuracy).toBeCloseTo(4 / 6);
    expect(r.labels).toEqual(["a", "b", "c"]);
    expect(r.confusion).toEqual([
      [2, 1, 0],
      [0, 2, 0],
      [1, 0, 0],
    ]);
    const a = r.perClass[0]!;
    expect([a.precision, a.recall, a.support]).toEqual([2 / 3, 2 / 3, 3]);
    expect(r.perClass[2]).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(r.macroF1).toBeCloseTo((2 / 3 + 0.8 + 0) / 3);
  });
});
