// How far a classifier's confidence can be trusted: rows binned by confidence, each bin's mean
// confidence next to its accuracy, and the expected calibration error (the rows-weighted mean gap).
// The eval prints it; the review threshold (MINYI_REVIEW_THRESHOLD) is chosen by reading it.

export interface CalibrationBin {
  /** Lower edge of the bin; it spans [from, from + 0.1). */
  from: number;
  rows: number;
  meanConfidence: number;
  accuracy: number;
}

export interface CalibrationReport {
  bins: CalibrationBin[];
  expectedCalibrationError: number;
}

/** `confidences[i]` is the probability given to prediction i; `correct[i]` whether it was right. */
export function calibration(confidences: number[], correct: boolean[]): CalibrationReport {
  const sums = Array.from({ length: 10 }, () => ({ rows: 0, confidence: 0, right: 0 }));
  confidences.forEach((p, i) => {
    const bin = sums[Math.min(9, Math.floor(p * 10))]!;
    bin.rows++;
    bin.confidence += p;
    if (correct[i]) bin.right++;
  });
  const bins = sums.flatMap((s, i) =>
    s.rows === 0
      ? []
      : [{ from: i / 10, rows: s.rows, meanConfidence: s.confidence / s.rows, accuracy: s.right / s.rows }],
  );
  const total = confidences.length;
  const expectedCalibrationError = bins.reduce(
    (e, b) => e + (b.rows / total) * Math.abs(b.meanConfidence - b.accuracy),
    0,
  );
  return { bins, expectedCalibrationError };
}
