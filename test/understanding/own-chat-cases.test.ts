// The chat benchmark on cases written for this project in words the shared development set does not use
// (assets/training/chat-cases.jsonl, in batches): the analysis keeps the goals there too.
// Written batch by batch, each batch scored before the rules were touched (figures in docs/judgement.md). They also train
// the learned urgency, level1 and request-type models, so for those this is not a test on unseen words;
// scripts/eval/urgency-model-holdout.ts gives the model's held-out figures.
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { readChatCases, scoreChat } from "../../scripts/eval/chat-benchmark.ts";
import { analyzeMessage } from "../../src/understanding/analyze-message.ts";
import { OfflineClassifier } from "../../src/understanding/classify/offline-classifier.ts";
import { readTaxonomy } from "../../src/understanding/classify/taxonomy.ts";
import { DEFAULT_TAXONOMY_FILE } from "../../src/understanding/classify/offline-classifier.ts";

const FILE = fileURLToPath(new URL("../../assets/training/chat-cases.jsonl", import.meta.url));

it("keeps urgent, is-a-matter, first-level and place goals on the project's own chat cases", async () => {
  const deps = { classifier: OfflineClassifier.fromFiles(), taxonomy: readTaxonomy(DEFAULT_TAXONOMY_FILE) };
  const cases = readChatCases(FILE);
  const analyses = [];
  for (const c of cases) analyses.push(await analyzeMessage(deps, c.text));
  const { misses, ...score } = scoreChat(cases, analyses);
  expect(score.urgentRecall, JSON.stringify(misses)).toBeGreaterThanOrEqual(0.97);
  expect(score.urgentPrecision).toBeGreaterThanOrEqual(0.9);
  expect(score.isMatterAccuracy).toBeGreaterThanOrEqual(0.95);
  expect(score.level1Accuracy).toBeGreaterThanOrEqual(0.9);
  expect(score.placeCorrect).toBeGreaterThanOrEqual(0.9);
  expect(score.nonPlaceRate).toBeLessThanOrEqual(0.01);
  expect(score.digitLeaks).toBe(0);
});
