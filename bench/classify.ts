// npm run bench:classify — messages/s of the classifier's prediction path (fused-text-scorer.ts: one pass,
// one interleaved row per n-gram, no allocation) against the reference path it replaces (build the
// TF-IDF vector, then score it), on the same trained model and texts, in the same run. Rounds alternate
// and medians are compared, because a shared 2-core machine drifts between runs.
//   npm run bench:classify [-- --data ../shared/data/citizen-messages/train.jsonl --rounds 5]
// Without --data it uses the shipped street-level examples (short texts).
import { parseArgs } from "node:util";
import { FusedTextScorer } from "../src/understanding/model/fused-text-scorer.ts";
import { readExamples } from "../src/understanding/classify/labeled-examples.ts";
import { linearScores, trainLinearSvm } from "../src/understanding/model/linear-svm.ts";
import { DEFAULT_TRAINING_FILE } from "../src/understanding/classify/offline-classifier.ts";
import { softmaxInPlace } from "../src/understanding/model/softmax.ts";
import { TfidfVectorizer } from "../src/understanding/model/tfidf-vectorizer.ts";

const { values } = parseArgs({ options: { data: { type: "string" }, rounds: { type: "string", default: "5" } } });
const file = values.data ?? DEFAULT_TRAINING_FILE;
const examples = readExamples(file);
const texts = examples.map((e) => e.text);
const vectorizer = TfidfVectorizer.fit(texts);
const model = trainLinearSvm(
  texts.map((t) => vectorizer.transform(t)),
  examples.map((e) => e.label),
  vectorizer.dimensions,
);
const fused = new FusedTextScorer(vectorizer, model);
const out = new Float64Array(model.labels.length);

const paths: Record<string, (text: string) => void> = {
  reference: (text) => softmaxInPlace(linearScores(model, vectorizer.transform(text)), model.temperature),
  fused: (text) => fused.probabilities(text, out),
};

/** Messages per second over at least one second. */
function rate(predict: (text: string) => void): number {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 1000)
    for (const t of texts) {
      predict(t);
      n++;
    }
  return n / ((performance.now() - start) / 1000);
}

const rounds: Record<string, number[]> = { reference: [], fused: [] };
for (const predict of Object.values(paths)) rate(predict); // warm-up (JIT)
for (let r = 0; r < Number(values.rounds); r++)
  for (const [name, predict] of Object.entries(paths)) rounds[name]!.push(rate(predict));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const averageLength = Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length);
console.log(
  `${file}: ${texts.length} texts, ${averageLength} characters on average, ${model.labels.length} labels, one core`,
);
for (const name of Object.keys(paths))
  console.log(
    `${name.padEnd(10)} median ${Math.round(median(rounds[name]!))} messages/s  (rounds: ${rounds[name]!.map(Math.round).join(", ")})`,
  );
console.log(`ratio fused / reference: ${(median(rounds.fused!) / median(rounds.reference!)).toFixed(2)}`);
