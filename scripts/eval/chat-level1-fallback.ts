// Where the first level of a chat matter should come from when no decisive word names it. Scores, models alone and
// without the rules, the level1 of the matters of chat-case files: the street-level model, the model learned on our
// own chat cases' first levels (assets/training/chat-cases.jsonl; never trained on the files scored here), and the
// street-level model falling back to the chat model below a confidence (the shipped rule: CHAT_LEVEL1_BELOW).
//   npx tsx scripts/eval/chat-level1-fallback.ts <chat-cases.jsonl>...
import { readFileSync } from "node:fs";
import { readLevel1Examples } from "../../src/understanding/classify/chat-case-examples.ts";
import {
  CHAT_LEVEL1_BELOW,
  CHAT_MODEL_OPTIONS,
  DEFAULT_CHAT_CASES_FILE,
  OfflineClassifier,
} from "../../src/understanding/classify/offline-classifier.ts";
import { trainTextModel } from "../../src/understanding/model/text-model.ts";

const street = OfflineClassifier.fromFiles(undefined, undefined, undefined, null);
const chat = trainTextModel(readLevel1Examples(DEFAULT_CHAT_CASES_FILE), CHAT_MODEL_OPTIONS);
const rows: Array<Record<string, string | number>> = [];
for (const file of process.argv.slice(2)) {
  const matters = readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { text: string; expect: { isMatter: boolean; level1: string | null } })
    .filter((c) => c.expect.isMatter);
  const right = { street: 0, chat: 0 } as Record<string, number>;
  const thresholds = [0.4, 0.5, CHAT_LEVEL1_BELOW, 0.7];
  for (const t of thresholds) right[`below ${t}`] = 0;
  for (const c of matters) {
    const s = street.classifySync(c.text);
    const fromStreet = s.isIssue
      ? { l1: s.categoryL1, p: s.confidence }
      : { l1: s.bestIssue?.categoryL1, p: s.bestIssue?.confidence ?? 0 };
    const fromChat = chat.best(c.text).label;
    if (fromStreet.l1 === c.expect.level1) right.street!++;
    if (fromChat === c.expect.level1) right.chat!++;
    for (const t of thresholds)
      if ((fromStreet.p >= t ? fromStreet.l1 : fromChat) === c.expect.level1) right[`below ${t}`]!++;
  }
  const share = Object.fromEntries(Object.entries(right).map(([k, v]) => [k, Number((v / matters.length).toFixed(2))]));
  rows.push({ file, matters: matters.length, ...share });
}
console.table(rows);
console.log(JSON.stringify({ rows }));
