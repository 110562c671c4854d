// npm run eval -- --train <file.jsonl> --test <file.jsonl> [--model offline|nb]
// npm run eval -- --cv 5 --data <file.jsonl> [--model offline|nb]
// npm run eval -- --chat <chat-cases.jsonl> [--verbose]   the chat benchmark (scripts/eval/chat-benchmark.ts):
//   every message analysed as the service analyses it (LLM when configured); figures, then one JSON line
// npm run eval -- --test <file.jsonl> --model llm   (LLM_BASE_URL, LLM_MODEL [, LLM_API_KEY] set; the
//   model answers first-level categories through the taxonomy; --train is not needed)
// Trains the offline classifier on labeled JSONL ({"text","label"} per line), evaluates it, prints
// accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix. The LAST line is one JSON
// object {"accuracy","macroF1","msgsPerSecond"} (single-core prediction throughput on the test texts).
import { parseArgs } from "node:util";
import { calibration } from "./eval/calibration.ts";
import { charNgrams } from "../src/understanding/model/char-ngrams.ts";
import { readExamples, type LabeledExample } from "../src/understanding/classify/labeled-examples.ts";
import { evaluate, type EvaluationReport } from "./eval/metrics.ts";
import { NaiveBayes } from "./eval/naive-bayes.ts";
import { shuffleInPlace } from "../src/understanding/model/seeded-random.ts";
import { trainTextModel } from "../src/understanding/model/text-model.ts";
import { loadConfig } from "../src/infra/load-config.ts";
import { createLogger } from "../src/infra/create-logger.ts";
import { LlmClassifier } from "../src/understanding/classify/llm-classifier.ts";
import {
  DEFAULT_REQUEST_TYPE_FILE,
  DEFAULT_TAXONOMY_FILE,
  DEFAULT_TRAINING_FILE,
  OfflineClassifier,
} from "../src/understanding/classify/offline-classifier.ts";
import { readTaxonomy } from "../src/understanding/classify/taxonomy.ts";
import { analyzeMessage } from "../src/understanding/analyze-message.ts";
import { buildClassifier } from "../src/understanding/classify/build-classifier.ts";
import { readChatCases, scoreChat } from "./eval/chat-benchmark.ts";

const { values } = parseArgs({
  options: {
    train: { type: "string" },
    test: { type: "string" },
    data: { type: "string" },
    cv: { type: "string" },
    model: { type: "string", default: "offline" },
    seed: { type: "string", default: "1" },
    chat: { type: "string" },
    verbose: { type: "boolean", default: false },
  },
});

if (values.chat) {
  const config = loadConfig(process.env);
  const built = await buildClassifier(null, config.llm, createLogger("error"));
  const { classifier } = built;
  const cases = readChatCases(values.chat);
  const analyses = [];
  for (const c of cases) analyses.push(await analyzeMessage(built, c.text));
  // Speed: the whole analysis, warm, over at least one second (one core).
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 1000) {
    for (const c of cases) {
      await analyzeMessage(built, c.text);
      n++;
    }
  }
  const msgsPerSecond = Math.round(n / ((performance.now() - start) / 1000));
  const { misses, ...score } = scoreChat(cases, analyses);
  if (values.verbose)
    for (const m of misses)
      console.log(`${m.id} ${m.what}: got ${JSON.stringify(m.got)}, want ${JSON.stringify(m.want)}`);
  console.log(`chat benchmark on ${values.chat} (${cases.length} messages), classifier ${classifier.name}`);
  for (const [k, v] of Object.entries(score)) console.log(`  ${k.padEnd(20)} ${v}`);
  console.log(`  ${"msgsPerSecond".padEnd(20)} ${msgsPerSecond}`);
  console.log(JSON.stringify({ ...score, msgsPerSecond }));
  process.exit(0);
}

/** The predicted label and the probability the model gave it. */
type Predict = (text: string) => { label: string; confidence: number };
type AsyncPredict = (text: string) => Promise<string>;

/** The LLM path as the service runs it (masking, validation, fallback), scored on first-level labels. */
function llmPredictor(): { predict: AsyncPredict; fallbacks: () => number } {
  const config = loadConfig(process.env);
  if (!config.llm) throw new Error("--model llm needs LLM_BASE_URL and LLM_MODEL (and LLM_API_KEY for hosted models)");
  const taxonomy = readTaxonomy(DEFAULT_TAXONOMY_FILE);
  const offline = new OfflineClassifier(
    taxonomy,
    readExamples(DEFAULT_TRAINING_FILE),
    readExamples(DEFAULT_REQUEST_TYPE_FILE),
  );
  const llm = new LlmClassifier(config.llm, taxonomy, offline, createLogger("error"));
  let fallbacks = 0;
  return {
    async predict(text) {
      const c = await llm.classify(text);
      if (c.decidedBy !== llm.name) fallbacks++;
      return c.isIssue ? c.categoryL1 : taxonomy.nonIssueLabel;
    },
    fallbacks: () => fallbacks,
  };
}

function train(model: string, examples: LabeledExample[]): Predict {
  if (model === "offline") {
    const m = trainTextModel(examples);
    return (text) => {
      const { label, probability } = m.best(text);
      return { label, confidence: probability };
    };
  }
  if (model === "nb") {
    const m = NaiveBayes.train(examples.map((e) => ({ features: charNgrams(e.text), label: e.label })));
    return (text) => {
      const { label, probability } = m.predict(charNgrams(text));
      return { label, confidence: probability };
    };
  }
  throw new Error(`unknown --model ${model}: use offline or nb`);
}

/**
 * Messages per second, one core: after one warm-up pass (JIT), the median of three rounds that each
 * predict the texts repeatedly for at least one second. One round varied by 2× on a shared VM.
 */
function throughput(predict: Predict, texts: string[]): number {
  for (const t of texts) predict(t);
  const rounds: number[] = [];
  for (let r = 0; r < 3; r++) {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < 1000)
      for (const t of texts) {
        predict(t);
        n++;
      }
    rounds.push(n / ((performance.now() - start) / 1000));
  }
  return rounds.sort((a, b) => a - b)[1]!;
}

/** Stratified folds: each label's rows are shuffled (seeded) and dealt round-robin. */
function folds(examples: LabeledExample[], k: number, seed: number): LabeledExample[][] {
  // Its own generator, not seeded-random.ts: changing it would change the folds, and with them every
  // figure the README compares across sessions.
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return s / 4294967296;
  };
  const byLabel = new Map<string, LabeledExample[]>();
  for (const e of examples) byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), e]);
  const out: LabeledExample[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    for (const r of shuffleInPlace(byLabel.get(label)!, rnd)) out[next++ % k]!.push(r);
  }
  return out;
}

/** Rows binned by confidence, and how many fall below the review threshold. */
function printCalibration(confidences: number[], correct: boolean[]): void {
  const report = calibration(confidences, correct);
  console.log(`\ncalibration (expected calibration error ${report.expectedCalibrationError.toFixed(3)})`);
  console.log("confidence   rows   mean confidence   accuracy");
  for (const b of report.bins)
    console.log(
      `${b.from.toFixed(1)}–${(b.from + 0.1).toFixed(1)}  ${String(b.rows).padStart(7)}   ${pct(b.meanConfidence)}%            ${pct(b.accuracy)}%`,
    );
  const threshold = loadConfig(process.env).reviewThreshold;
  const below = confidences.flatMap((p, i) => (p < threshold ? [correct[i]!] : []));
  const right = below.filter(Boolean).length;
  console.log(
    `below the review threshold ${threshold}: ${below.length} rows (${pct(below.length / confidences.length).trim()}%), ${pct(right / Math.max(1, below.length)).trim()}% of them right`,
  );
}

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(5);
}

function print(report: EvaluationReport): void {
  console.log(`accuracy ${report.accuracy.toFixed(4)}   macro-F1 ${report.macroF1.toFixed(4)}`);
  console.log("\nclass              precision  recall     F1  support");
  for (const c of report.perClass)
    console.log(
      `${c.label.padEnd(8, "　")}  ${pct(c.precision)}   ${pct(c.recall)}  ${pct(c.f1)}  ${String(c.support).padStart(7)}`,
    );
  console.log("\nconfusion matrix (rows: truth, columns: predicted, in the order above)");
  for (const [i, row] of report.confusion.entries())
    console.log(`${report.labels[i]!.padEnd(8, "　")} ${row.map((v) => String(v).padStart(5)).join("")}`);
}

const model = values.model!;
let truth: string[] = [];
let predicted: string[] = [];
/** The offline models' confidences, in the order of `predicted` (empty for the LLM). */
const confidences: number[] = [];
let speed: number;
if (model === "llm") {
  if (!values.test) throw new Error("--model llm needs --test <file.jsonl>");
  const testRows = readExamples(values.test);
  const { predict, fallbacks } = llmPredictor();
  const start = performance.now();
  truth = testRows.map((e) => e.label);
  predicted = [];
  for (const e of testRows) predicted.push(await predict(e.text)); // one at a time: a fair latency figure
  speed = testRows.length / ((performance.now() - start) / 1000);
  console.log(
    `LLM ${process.env.LLM_MODEL} on ${values.test} (${testRows.length} rows); offline fallback decided ${fallbacks()} of them`,
  );
} else if (values.cv) {
  if (!values.data) throw new Error("--cv needs --data <file.jsonl>");
  const k = Number(values.cv);
  const all = readExamples(values.data);
  const parts = folds(all, k, Number(values.seed));
  const speeds: number[] = [];
  parts.forEach((testPart, i) => {
    const predict = train(model, parts.filter((_, j) => j !== i).flat());
    truth.push(...testPart.map((e) => e.label));
    for (const e of testPart) {
      const { label, confidence } = predict(e.text);
      predicted.push(label);
      confidences.push(confidence);
    }
    if (i === 0)
      speeds.push(
        throughput(
          predict,
          testPart.map((e) => e.text),
        ),
      );
  });
  speed = speeds[0]!;
  console.log(`${k}-fold stratified cross-validation on ${values.data} (${all.length} rows), model ${model}`);
} else {
  if (!values.train || !values.test) throw new Error("use --train <file> --test <file>, or --cv <k> --data <file>");
  const testRows = readExamples(values.test);
  const predict = train(model, readExamples(values.train));
  truth = testRows.map((e) => e.label);
  for (const e of testRows) {
    const { label, confidence } = predict(e.text);
    predicted.push(label);
    confidences.push(confidence);
  }
  speed = throughput(
    predict,
    testRows.map((e) => e.text),
  );
  console.log(`trained on ${values.train}, tested on ${values.test} (${testRows.length} rows), model ${model}`);
}
const report = evaluate(truth, predicted);
print(report);
if (confidences.length > 0)
  printCalibration(
    confidences,
    predicted.map((p, i) => p === truth[i]),
  );
console.log(`\nprediction speed: ${Math.round(speed)} messages/s on one core`);
console.log(
  JSON.stringify({
    accuracy: Number(report.accuracy.toFixed(4)),
    macroF1: Number(report.macroF1.toFixed(4)),
    msgsPerSecond: Math.round(speed),
  }),
);
