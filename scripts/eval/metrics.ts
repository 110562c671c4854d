// Classification metrics: accuracy, per-class precision / recall / F1, macro-F1, confusion matrix.

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvaluationReport {
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  labels: string[];
  /** confusion[trueIndex][predictedIndex] */
  confusion: number[][];
}

export function evaluate(truth: string[], predicted: string[]): EvaluationReport {
  if (truth.length !== predicted.length) throw new Error("truth and predictions differ in length");
  const labels = [...new Set([...truth, ...predicted])].sort();
  const at = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    confusion[at.get(t)!]![at.get(p)!]!++;
    if (t === p) correct++;
  });
  const perClass = labels.map((label, i) => {
    const tp = confusion[i]![i]!;
    const support = confusion[i]!.reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((a, row) => a + row[i]!, 0);
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const withSupport = perClass.filter((c) => c.support > 0);
  const macroF1 = withSupport.reduce((a, c) => a + c.f1, 0) / withSupport.length;
  return { accuracy: correct / truth.length, macroF1, perClass, labels, confusion };
}
