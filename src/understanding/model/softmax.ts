// Scores → probabilities.

/**
 * Replaces `scores` by softmax(temperature · scores), in place. Numerically stable: the largest score is
 * subtracted first.
 */
export function softmaxInPlace(scores: Float64Array, temperature = 1): void {
  const k = scores.length;
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (scores[c]! > max) max = scores[c]!;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    scores[c] = Math.exp(temperature * (scores[c]! - max));
    sum += scores[c]!;
  }
  for (let c = 0; c < k; c++) scores[c]! /= sum;
}
