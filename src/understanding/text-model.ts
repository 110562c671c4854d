// A trained text classifier: TF-IDF character n-grams → softmax regression. The unit the offline
// classifier, the eval command and (later) per-deployment retraining all use.
import type { LabeledExample } from "./labeled-examples.ts";
import { SoftmaxRegression, type TrainOptions } from "./softmax-regression.ts";
import { TfidfVectorizer, type VectorizerOptions } from "./tfidf-vectorizer.ts";

export interface Ranked {
  label: string;
  probability: number;
}

export interface TextModel {
  labels: readonly string[];
  /** All labels, most probable first. */
  rank(text: string): Ranked[];
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
  return {
    labels: model.labels,
    rank(text) {
      const p = model.predictProba(vectorizer.transform(text));
      return model.labels.map((label, i) => ({ label, probability: p[i]! })).sort((a, b) => b.probability - a.probability);
    },
  };
}
