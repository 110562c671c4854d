// Temperature scaling (Guo et al., 2017): the one number T for which softmax(T · score) best predicts
// held-out labels (least mean negative log-likelihood). It turns an SVM's margins into confidences that
// can be compared with MINYI_REVIEW_THRESHOLD; it never changes which label ranks first.

import { softmaxInPlace } from "./softmax.ts";

/** The range searched. Below 0.5 every answer looks uncertain; above 200 every answer looks certain. */
const LOWEST = 0.5;
const HIGHEST = 200;

/** Mean negative log-likelihood of the true labels at temperature t. */
function meanLoss(scores: Float64Array[], truth: number[], t: number): number {
  let loss = 0;
  const p = new Float64Array(scores[0]!.length);
  scores.forEach((s, i) => {
    p.set(s);
    softmaxInPlace(p, t);
    loss -= Math.log(Math.max(p[truth[i]!]!, 1e-12));
  });
  return loss / scores.length;
}

/**
 * Fits T on held-out `scores` (one array per row, labels in model order) and the index of each row's
 * true label. The loss is convex in T, so a golden-section search over log T finds its minimum.
 */
export function calibrateTemperature(scores: Float64Array[], truth: number[]): number {
  if (scores.length === 0) throw new Error("cannot calibrate on zero rows");
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(LOWEST);
  let hi = Math.log(HIGHEST);
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = meanLoss(scores, truth, Math.exp(a));
  let fb = meanLoss(scores, truth, Math.exp(b));
  for (let step = 0; step < 40; step++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = meanLoss(scores, truth, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = meanLoss(scores, truth, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}
