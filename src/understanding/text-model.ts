// A trained text classifier: TF-IDF character n-grams → softmax regression. The unit the offline
// classifier, the eval command and (later) per-deployment retraining all use.
import type { LabeledExample } from "./labeled-examples.ts";
import { SoftmaxRegression, type TrainOptions } from "./softmax-regression.ts";
import { TfidfVectorizer, type VectorizerOptions } from "./tfidf-vectorizer.ts";
import { FusedTextScorer } from "./fused-text-scorer.ts";

export interface Ranked {
  label: string;
  probability: number;
}

export interface TextModel {
  labels: readonly string[];
  /** All labels, most probable first. */
  rank(text: string): Ranked[];
  /** The most probable label; the same as rank(text)[0], without sorting or allocating a list. */
  best(text: string): Ranked;
}

export function trainTextModel(examples: LabeledExample[], opts: VectorizerOptions & TrainOptions = {}): TextModel {
  if (examples.length === 0) throw new Error("cannot train on zero examples");
  const vectorizer = TfidfVectorizer.fit(examples.map((e) => e.text), opts);
  const model = SoftmaxRegression.train(
    examples.map((e) => vectorizer.transform(e.text)),
    examples.map((e) => e.label),
    vectorizer.dimensions,
    opts,
  );
  const scorer = new FusedTextScorer(vectorizer, model);
  const p = new Float64Array(model.labels.length);
  return {
    labels: model.labels,
    rank(text) {
      scorer.probabilities(text, p);
      return model.labels.map((label, i) => ({ label, probability: p[i]! })).sort((a, b) => b.probability - a.probability);
    },
    best(text) {
      scorer.probabilities(text, p);
      let top = 0;
      for (let c = 1; c < p.length; c++) if (p[c]! > p[top]!) top = c;
      return { label: model.labels[top]!, probability: p[top]! };
    },
  };
}
