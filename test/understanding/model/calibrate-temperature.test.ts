import { describe, expect, it } from "vitest";
import { calibrateTemperature } from "../../../src/understanding/model/calibrate-temperature.ts";
import { softmaxInPlace } from "../../../src/understanding/model/softmax.ts";
import { random } from "../../../src/understanding/model/seeded-random.ts";

/** Rows of three scores where the true label's score leads by `lead`, and `wrongShare` of rows lie. */
function heldOut(lead: number, wrongShare: number, rows = 400): { scores: Float64Array[]; truth: number[] } {
  const rnd = random(3);
  const scores: Float64Array[] = [];
  const truth: number[] = [];
  for (let i = 0; i < rows; i++) {
    const predicted = i % 3;
    const s = new Float64Array(3);
    s[predicted] = lead;
    scores.push(s);
    truth.push(rnd() < wrongShare ? (predicted + 1) % 3 : predicted);
  }
  return { scores, truth };
}

function meanLoss(scores: Float64Array[], truth: number[], t: number): number {
  return (
    scores.reduce((sum, s, i) => {
      const p = Float64Array.from(s);
      softmaxInPlace(p, t);
      return sum - Math.log(p[truth[i]!]!);
    }, 0) / scores.length
  );
}

describe("temperature calibration", () => {
  it("finds the temperature with the least held-out loss", () => {
    const { scores, truth } = heldOut(1, 0.2);
    const t = calibrateTemperature(scores, truth);
    expect(meanLoss(scores, truth, t)).toBeLessThan(meanLoss(scores, truth, t * 0.9));
    expect(meanLoss(scores, truth, t)).toBeLessThan(meanLoss(scores, truth, t * 1.1));
  });

  it("makes the leading label's probability match how often it is right", () => {
    for (const wrongShare of [0.1, 0.3]) {
      const { scores, truth } = heldOut(1, wrongShare, 3000);
      const p = Float64Array.from(scores[0]!);
      softmaxInPlace(p, calibrateTemperature(scores, truth));
      expect(p[0]).toBeCloseTo(1 - wrongShare, 1);
    }
  });

  it("trusts scores less when they are wrong more often", () => {
    const wrongOften = heldOut(1, 0.3);
    const wrongRarely = heldOut(1, 0.05);
    const often = calibrateTemperature(wrongOften.scores, wrongOften.truth);
    const rarely = calibrateTemperature(wrongRarely.scores, wrongRarely.truth);
    expect(rarely).toBeGreaterThan(often);
  });
});
