import { describe, expect, it } from "vitest";
import { linearScores, trainLinearSvm } from "../../../src/understanding/model/linear-svm.ts";
import type { SparseVector } from "../../../src/understanding/model/sparse-vector.ts";

/** A unit vector on the given features. */
function vector(...features: number[]): SparseVector {
  const v = 1 / Math.sqrt(features.length);
  return { indices: Int32Array.from(features), values: Float32Array.from(features.map(() => v)) };
}

describe("the linear SVM", () => {
  const xs = [
    vector(0, 5),
    vector(0, 6),
    vector(0, 7),
    vector(1, 5),
    vector(1, 6),
    vector(1, 7),
    vector(2, 5),
    vector(2, 8),
  ];
  const ys = ["light", "light", "light", "drain", "drain", "drain", "noise", "noise"];

  it("scores each training row highest for its own label, separated by feature 0, 1 or 2", () => {
    const model = trainLinearSvm(xs, ys, 9);
    xs.forEach((x, i) => {
      const scores = linearScores(model, x);
      const top = scores.indexOf(Math.max(...scores));
      expect(model.labels[top]).toBe(ys[i]);
    });
  });

  it("puts a new row on the right side of the margin for its label and the wrong side for the others", () => {
    const model = trainLinearSvm(xs, ys, 9);
    const scores = linearScores(model, vector(1, 8));
    expect(scores[model.labels.indexOf("drain")]).toBeGreaterThan(0);
    expect(scores[model.labels.indexOf("light")]).toBeLessThan(0);
    expect(scores[model.labels.indexOf("noise")]).toBeLessThan(0);
  });

  it("trains the same weights twice from the same rows and seed", () => {
    expect(Array.from(trainLinearSvm(xs, ys, 9).weights)).toEqual(Array.from(trainLinearSvm(xs, ys, 9).weights));
  });

  it("keeps a label it was told of but has no rows for, scoring it below zero everywhere", () => {
    const model = trainLinearSvm(xs, ys, 9, { labels: ["drain", "light", "noise", "parking"] });
    expect(model.labels).toEqual(["drain", "light", "noise", "parking"]);
    for (const x of xs) expect(linearScores(model, x)[3]).toBeLessThan(0);
  });
});
