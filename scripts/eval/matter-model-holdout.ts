// How the learned "matter or chat" model does on messages it was not trained on, alone and inside the whole
// analysis. For each batch of our chat cases (a batch: the ids' letter prefix), the models are trained on all the
// other batches and the batch is scored: (1) the matter model alone, against the street-level model's non-issue
// label alone (what decided before the matter model); (2) the analysis's isMatter with that classifier (chat when
// either model says so, and chat the matter model is all but sure of stays chat whatever words of a problem it holds),
// against the same with those words always keeping a matter, and the same classifier without the matter model (the
// category model alone). Other chat-case files (e.g. the shared development set) are scored
// with everything trained on all our cases. The rules were written with all batches in view, so (2) is optimistic
// for both columns; their difference is what the model adds. Ships nothing.
//   npx tsx scripts/eval/matter-model-holdout.ts [<chat-cases.jsonl>...]
import { readChatCases } from "./chat-benchmark.ts";
import { analyzeMessage } from "../../src/understanding/analyze-message.ts";
import { readChatCaseExamples, type ChatCaseExamples } from "../../src/understanding/classify/chat-case-examples.ts";
import { readExamples } from "../../src/understanding/classify/labeled-examples.ts";
import { CHAT } from "../../src/understanding/classify/matter-examples.ts";
import {
  DEFAULT_CHAT_CASES_FILE,
  DEFAULT_REQUEST_TYPE_FILE,
  DEFAULT_TAXONOMY_FILE,
  DEFAULT_TRAINING_FILE,
  OfflineClassifier,
  trainMatterModel,
} from "../../src/understanding/classify/offline-classifier.ts";
import { readTaxonomy } from "../../src/understanding/classify/taxonomy.ts";
import { trainTextModel } from "../../src/understanding/model/text-model.ts";

interface Case {
  id: string;
  text: string;
  isMatter: boolean;
}
const read = (file: string): Case[] =>
  readChatCases(file).map((c) => ({ id: c.id, text: c.text, isMatter: c.expect.isMatter }));

const taxonomy = readTaxonomy(DEFAULT_TAXONOMY_FILE);
const street = readExamples(DEFAULT_TRAINING_FILE);
const requestTypes = readExamples(DEFAULT_REQUEST_TYPE_FILE);
const streetModel = trainTextModel(street);
const streetSaysMatter = (text: string) => streetModel.best(text).label !== taxonomy.nonIssueLabel;

/** The chat cases' examples for the given ids only. */
function examplesOf(all: ChatCaseExamples, cases: Case[], keep: Set<string>): ChatCaseExamples {
  const texts = new Set(cases.filter((c) => keep.has(c.id)).map((c) => c.text));
  const only = <T extends { text: string }>(xs: T[]) => xs.filter((x) => texts.has(x.text));
  return {
    urgency: only(all.urgency),
    matter: only(all.matter),
    level1: only(all.level1),
    requestType: only(all.requestType),
  };
}

async function score(train: ChatCaseExamples, held: Case[]) {
  const matterModel = trainMatterModel(train.matter, street, taxonomy.nonIssueLabel)!;
  const modelSaysMatter = (text: string) =>
    (matterModel.rank(text).find((r) => r.label === CHAT)?.probability ?? 0) < 0.5;
  const chat = { urgency: train.urgency, level1: train.level1 };
  const types = [...requestTypes, ...train.requestType];
  const withModel = new OfflineClassifier(taxonomy, street, types, { ...chat, matter: train.matter });
  const without = new OfflineClassifier(taxonomy, street, types, { ...chat, matter: [] });
  const n = { model: 0, street: 0, analysis: 0, wordsKeep: 0, analysisWithout: 0 };
  for (const c of held) {
    if (modelSaysMatter(c.text) === c.isMatter) n.model++;
    if (streetSaysMatter(c.text) === c.isMatter) n.street++;
    if ((await analyzeMessage({ classifier: withModel, taxonomy }, c.text)).isMatter === c.isMatter) n.analysis++;
    const wordsKeep = { classifier: withModel, taxonomy, sureChat: Infinity };
    if ((await analyzeMessage(wordsKeep, c.text)).isMatter === c.isMatter) n.wordsKeep++;
    if ((await analyzeMessage({ classifier: without, taxonomy }, c.text)).isMatter === c.isMatter) n.analysisWithout++;
  }
  const r = (x: number) => Number((x / held.length).toFixed(3));
  return {
    cases: held.length,
    "matter model": r(n.model),
    "street model": r(n.street),
    analysis: r(n.analysis),
    "words of a problem always keep": r(n.wordsKeep),
    "analysis without it": r(n.analysisWithout),
  };
}

const own = read(DEFAULT_CHAT_CASES_FILE);
const ownExamples = readChatCaseExamples(DEFAULT_CHAT_CASES_FILE);
const batchOf = (id: string) => /^[a-z]+/u.exec(id)?.[0] ?? id;
const rows: Array<Record<string, string | number>> = [];
const total = { cases: 0, model: 0, street: 0, analysis: 0, wordsKeep: 0, without: 0 };
for (const batch of [...new Set(own.map((c) => batchOf(c.id)))].sort()) {
  const held = own.filter((c) => batchOf(c.id) === batch);
  const keep = new Set(own.filter((c) => batchOf(c.id) !== batch).map((c) => c.id));
  const s = await score(examplesOf(ownExamples, own, keep), held);
  total.cases += s.cases;
  total.model += s["matter model"] * s.cases;
  total.street += s["street model"] * s.cases;
  total.analysis += s.analysis * s.cases;
  total.wordsKeep += s["words of a problem always keep"] * s.cases;
  total.without += s["analysis without it"] * s.cases;
  rows.push({ "held out": batch, ...s });
}
const t = (x: number) => Number((x / total.cases).toFixed(3));
rows.push({
  "held out": "all batches, each held out",
  cases: total.cases,
  "matter model": t(total.model),
  "street model": t(total.street),
  analysis: t(total.analysis),
  "words of a problem always keep": t(total.wordsKeep),
  "analysis without it": t(total.without),
});
for (const file of process.argv.slice(2)) rows.push({ "held out": file, ...(await score(ownExamples, read(file))) });
console.table(rows.slice(-1 - process.argv.slice(2).length));
console.log(JSON.stringify({ rows }));
