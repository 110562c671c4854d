// A trained text classifier: TF-IDF character n-grams → linear SVM → calibrated probabilities. The unit
// the offline classifier, the eval command and per-deployment retraining all use.
import { calibrateTemperature } from "./calibrate-temperature.ts";
import { FusedTextScorer, type ScorerData } from "./fused-text-scorer.ts";
import type { LabeledExample } from "../classify/labeled-examples.ts";
import { linearScores, trainLinearSvm, type LinearModel, type SvmOptions } from "./linear-svm.ts";
import { random, shuffleInPlace } from "./seeded-random.ts";
import type { SparseVector } from "./sparse-vector.ts";
import { TfidfVectorizer, type VectorizerOptions } from "./tfidf-vectorizer.ts";

export interface Ranked {
  label: string;
  probability: number;
}

export interface TextModel {
  labels: readonly string[];
  /** The trained model as plain data (labels and tables), to move between threads. */
  data(): TextModelData;
  /** All labels, most probable first. */
  rank(text: string): Ranked[];
  /** The most probable label; the same as rank(text)[0], without sorting or allocating a list. */
  best(text: string): Ranked;
}

export interface TextModelData {
  labels: readonly string[];
  scorer: ScorerData;
}

/** Folds used to calibrate the confidence: each row's score comes from a model that did not see it. */
const CALIBRATION_FOLDS = 3;

export function trainTextModel(examples: LabeledExample[], opts: VectorizerOptions & SvmOptions = {}): TextModel {
  if (examples.length === 0) throw new Error("cannot train on zero examples");
  const vectorizer = TfidfVectorizer.fit(
    examples.map((e) => e.text),
    opts,
  );
  const xs = examples.map((e) => vectorizer.transform(e.text));
  const ys = examples.map((e) => e.label);
  const svm = trainLinearSvm(xs, ys, vectorizer.dimensions, opts);
  const model: LinearModel = {
    ...svm,
    temperature: heldOutTemperature(xs, ys, vectorizer.dimensions, svm.labels, opts),
  };
  // Only the scorer's compact table and the labels are kept: the dense weights (2^18 × labels floats) and
  // the training vectors are left to the garbage collector.
  return textModelFrom(model.labels, new FusedTextScorer(vectorizer, model));
}

/** A model another thread trained. */
export function textModelFromData(d: TextModelData): TextModel {
  return textModelFrom(d.labels, FusedTextScorer.fromData(d.scorer));
}

function textModelFrom(labels: readonly string[], scorer: FusedTextScorer): TextModel {
  const p = new Float64Array(labels.length);
  // The offline classifier asks best() and then rank() of the same text: the last text's probabilities stay in
  // `p` (only this model writes it), so the second question is not scored again.
  let scored: string | null = null;
  const probabilities = (text: string) => {
    if (text === scored) return;
    scorer.probabilities(text, p);
    scored = text;
  };
  return {
    labels,
    data: () => ({ labels, scorer: scorer.toData() }),
    rank(text) {
      probabilities(text);
      return labels.map((label, i) => ({ label, probability: p[i]! })).sort((a, b) => b.probability - a.probability);
    },
    best(text) {
      probabilities(text);
      let top = 0;
      for (let c = 1; c < p.length; c++) if (p[c]! > p[top]!) top = c;
      return { label: labels[top]!, probability: p[top]! };
    },
  };
}

/**
 * The temperature that makes held-out scores honest probabilities: the rows are dealt (seeded) into
 * CALIBRATION_FOLDS folds, each fold is scored by an SVM trained on the others. The shared vectorizer's
 * IDF has seen every row; its effect on the margins is small next to the SVM's own fit.
 */
function heldOutTemperature(
  xs: SparseVector[],
  ys: string[],
  dims: number,
  labels: readonly string[],
  opts: SvmOptions,
): number {
  const order = shuffleInPlace(
    xs.map((_, i) => i),
    random((opts.seed ?? 7) + 1),
  );
  const fold = new Int32Array(xs.length);
  for (const [i, row] of order.entries()) fold[row] = i % CALIBRATION_FOLDS;
  const scores: Float64Array[] = [];
  const truth: number[] = [];
  for (let f = 0; f < CALIBRATION_FOLDS; f++) {
    const train = order.filter((i) => fold[i] !== f);
    const test = order.filter((i) => fold[i] === f);
    if (train.length === 0 || test.length === 0) continue;
    const m = trainLinearSvm(
      train.map((i) => xs[i]!),
      train.map((i) => ys[i]!),
      dims,
      { ...opts, labels },
    );
    for (const i of test) {
      scores.push(linearScores(m, xs[i]!));
      truth.push(labels.indexOf(ys[i]!));
    }
  }
  return scores.length > 0 ? calibrateTemperature(scores, truth) : 1;
}
