// How the learned urgency model does on words it was not trained on. The model is trained on the project's own
// chat cases (assets/training/chat-cases.jsonl); this scores it, alone and without the danger rules, (1) on each
// batch of those cases (a batch: the ids' letter prefix) with a model trained on all the other batches, and (2) on
// other chat-case files (e.g. the shared development set) with the model trained on all our cases. Ships nothing.
//   npx tsx scripts/eval/urgency-model-holdout.ts [<chat-cases.jsonl>...]
import { readFileSync } from "node:fs";
import { trainTextModel, type TextModel } from "../../src/understanding/model/text-model.ts";
import {
  CHAT_MODEL_OPTIONS,
  DEFAULT_CHAT_CASES_FILE,
  URGENT_MODEL_THRESHOLD,
} from "../../src/understanding/classify/offline-classifier.ts";
import { URGENT, CALM } from "../../src/understanding/classify/chat-case-examples.ts";

interface Case {
  id: string;
  text: string;
  urgent: boolean;
}
const read = (file: string): Case[] =>
  readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { id: string; text: string; expect: { urgent: boolean } })
    .map((c) => ({ id: c.id, text: c.text, urgent: c.expect.urgent }));
const train = (cases: Case[]) =>
  trainTextModel(
    cases.map((c) => ({ text: c.text, label: c.urgent ? URGENT : CALM })),
    CHAT_MODEL_OPTIONS,
  );
const flags = (m: TextModel, text: string) =>
  (m.rank(text).find((r) => r.label === URGENT)?.probability ?? 0) >= URGENT_MODEL_THRESHOLD;

function score(m: TextModel, cases: Case[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of cases) {
    const f = flags(m, c.text);
    if (f && c.urgent) tp++;
    else if (f) fp++;
    else if (c.urgent) fn++;
  }
  const r = (x: number) => Number(x.toFixed(2));
  return {
    cases: cases.length,
    urgent: tp + fn,
    recall: r(tp / Math.max(1, tp + fn)),
    precision: r(tp / Math.max(1, tp + fp)),
  };
}

const own = read(DEFAULT_CHAT_CASES_FILE);
const batchOf = (id: string) => /^[a-z]+/u.exec(id)?.[0] ?? id;
const rows: Array<Record<string, string | number>> = [];
for (const batch of [...new Set(own.map((c) => batchOf(c.id)))].sort()) {
  const held = own.filter((c) => batchOf(c.id) === batch);
  if (held.filter((c) => c.urgent).length < 5) continue; // too few dangers to say anything
  rows.push({ "held out": batch, ...score(train(own.filter((c) => batchOf(c.id) !== batch)), held) });
}
const all = train(own);
for (const file of process.argv.slice(2)) rows.push({ "held out": file, ...score(all, read(file)) });
console.table(rows);
console.log(JSON.stringify({ threshold: URGENT_MODEL_THRESHOLD, rows }));
