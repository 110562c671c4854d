// Does a first-level model trained on the 2,768 real 问政 letters help on chat messages? (issue 14 suggested
// it as the first level of a hierarchical classifier.) Compares, on the matters of chat-case files, the level1
// of: the letters model alone, the shipped street-level model alone (no rules), and the street-level model
// falling back to the letters model below a confidence of 0.5. Reads the shared data; ships nothing.
//   npx tsx scripts/eval/real-letters-on-chat.ts [--letters <train.jsonl>] <chat-cases.jsonl>...
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { trainTextModel } from "../../src/understanding/model/text-model.ts";
import { OfflineClassifier } from "../../src/understanding/classify/offline-classifier.ts";

const { values, positionals } = parseArgs({
  options: { letters: { type: "string", default: "../shared/data/citizen-messages/train.jsonl" } },
  allowPositionals: true,
});
const readJsonl = (file: string) =>
  readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const letters = trainTextModel(
  readJsonl(values.letters).map((r) => ({ text: String(r.text), label: String(r.label) })),
);
const street = OfflineClassifier.fromFiles();
for (const file of positionals) {
  const matters = readJsonl(file)
    .map((c) => ({ text: String(c.text), expect: c.expect as { isMatter: boolean; level1: string | null } }))
    .filter((c) => c.expect.isMatter);
  let lettersRight = 0;
  let streetRight = 0;
  let fallbackRight = 0;
  for (const c of matters) {
    const fromLetters = letters.best(c.text).label;
    const fromStreet = street.classifySync(c.text);
    if (fromLetters === c.expect.level1) lettersRight++;
    if (fromStreet.categoryL1 === c.expect.level1) streetRight++;
    if ((fromStreet.confidence >= 0.5 ? fromStreet.categoryL1 : fromLetters) === c.expect.level1) fallbackRight++;
  }
  const share = (n: number) => Number((n / matters.length).toFixed(3));
  console.log(
    JSON.stringify({
      file,
      matters: matters.length,
      letters: share(lettersRight),
      street: share(streetRight),
      streetThenLetters: share(fallbackRight),
    }),
  );
}
