// Multinomial logistic regression on sparse TF-IDF features, trained with averaged SGD.
// Chosen over naive Bayes by measurement on real citizen messages (README, "Understanding"): it weighs
// features jointly instead of independently, and its softmax output is a usable confidence.

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface TrainOptions {
  epochs?: number;
  /** L2 regularisation strength per example. */
  lambda?: number;
  learningRate?: number;
  seed?: number;
  /** Weigh each class inversely to its frequency (helps macro-F1 on imbalanced data). */
  balanced?: boolean;
}

/** Deterministic PRNG (mulberry32) so that training, and therefore evaluation, is reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class SoftmaxRegression {
  private constructor(
    readonly labels: string[],
    /** weights[feature * labels + label]: a feature's weights sit together, one cache line per feature. */
    readonly weights: Float32Array,
    readonly bias: Float32Array,
  ) {}

  static train(xs: SparseVector[], ys: string[], dims: number, opts: TrainOptions = {}): SoftmaxRegression {
    const labels = [...new Set(ys)].sort();
    const k = labels.length;
    const y = ys.map((l) => labels.indexOf(l));
    const classWeight = labels.map((_, c) => (opts.balanced ? ys.length / (k * y.filter((v) => v === c).length) : 1));
    // Defaults chosen by 5-fold cross-validation on real citizen messages (npm run eval; README).
    const epochs = opts.epochs ?? 30;
    const lambda = opts.lambda ?? 1e-5;
    const eta0 = opts.learningRate ?? 20;
    const rnd = random(opts.seed ?? 7);

    const w = new Float32Array(k * dims);
    const b = new Float32Array(k);
    // Averaged SGD: the returned weights are the average over all steps, which is steadier than the last.
    const wSum = new Float64Array(k * dims);
    const bSum = new Float64Array(k);
    let steps = 0;
    const order = xs.map((_, i) => i);
    const scores = new Float64Array(k);

    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const eta = eta0 / (1 + epoch);
      for (const n of order) {
        const x = xs[n]!;
        softmaxInto(scores, x, w, b);
        // gradient of cross-entropy: p - onehot
        steps++;
        const cw = classWeight[y[n]!]!;
        for (let c = 0; c < k; c++) {
          const g = cw * (scores[c]! - (c === y[n] ? 1 : 0));
          if (g === 0) continue;
          for (let t = 0; t < x.indices.length; t++) {
            const f = x.indices[t]! * k + c;
            const delta = eta * (g * x.values[t]! + lambda * w[f]!);
            w[f]! -= delta;
            wSum[f]! -= steps * delta; // for the average, see below
          }
          b[c]! -= eta * g;
          bSum[c]! -= steps * eta * g;
        }
      }
    }
    // The average of w_1..w_T equals w_T + (1/T)·Σ_t t·Δ_t (up to one step), where Δ_t is step t's
    // decrement; wSum holds −Σ t·Δ_t, so only touched weights are updated per step.
    const avgW = new Float32Array(k * dims);
    for (let f = 0; f < avgW.length; f++) avgW[f] = w[f]! - wSum[f]! / steps;
    const avgB = new Float32Array(k);
    for (let c = 0; c < k; c++) avgB[c] = b[c]! - bSum[c]! / steps;
    return new SoftmaxRegression(labels, avgW, avgB);
  }

  /** Probabilities per label, in `labels` order. */
  predictProba(x: SparseVector): Float64Array {
    const out = new Float64Array(this.labels.length);
    softmaxInto(out, x, this.weights, this.bias);
    return out;
  }
}

function softmaxInto(out: Float64Array, x: SparseVector, w: Float32Array, b: Float32Array): void {
  const k = out.length;
  for (let c = 0; c < k; c++) out[c] = b[c]!;
  for (let t = 0; t < x.indices.length; t++) {
    const base = x.indices[t]! * k;
    const v = x.values[t]!;
    for (let c = 0; c < k; c++) out[c]! += w[base + c]! * v;
  }
  softmaxInPlace(out);
}

/** Turns scores into probabilities (numerically stable: the largest score is subtracted first). */
export function softmaxInPlace(out: Float64Array): void {
  const k = out.length;
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (out[c]! > max) max = out[c]!;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < k; c++) out[c]! /= sum;
}
