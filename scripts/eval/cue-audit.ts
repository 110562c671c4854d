// Keeps the taxonomy's decisive words honest. The first cue that matches a message names its category, so an entry
// can be wrong where it decides, or right but shadowed by an earlier entry that decides wrongly. Over the matters of
// chat-case files that no danger decides (a danger names the category itself), on the text as the analysis reads it,
// this prints for every cue entry: how often it decides, how often wrongly, how often it would have been right where
// an earlier entry decided wrongly (an order conflict), and the entries that decide nothing at all.
//   npx tsx scripts/eval/cue-audit.ts <chat-cases.jsonl>... [--examples]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { maskPersonalData } from "../../src/infra/mask-personal-data.ts";
import { DEFAULT_TAXONOMY_FILE } from "../../src/understanding/classify/offline-classifier.ts";
import { readTaxonomy } from "../../src/understanding/classify/taxonomy.ts";
import { assessDanger } from "../../src/understanding/extract/danger/assess-danger.ts";
import { correctCommonTypos } from "../../src/understanding/extract/correct-common-typos.ts";
import { joinSpokenWords } from "../../src/understanding/extract/join-spoken-words.ts";

interface ChatCase {
  id: string;
  text: string;
  expect: { isMatter: boolean; level1: string | null };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { examples: { type: "boolean", default: false } },
});
const taxonomy = readTaxonomy(DEFAULT_TAXONOMY_FILE);
const cases: ChatCase[] = positionals.flatMap((file) =>
  readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as ChatCase),
);

interface Tally {
  decided: number;
  wrong: string[];
  /** Cases it would have named rightly where an earlier entry decided wrongly. */
  shadowed: string[];
}
const tallies: Tally[] = taxonomy.cues.map(() => ({ decided: 0, wrong: [], shadowed: [] }));
let audited = 0;
for (const c of cases) {
  if (!c.expect.isMatter || c.expect.level1 === null) continue;
  const read = correctCommonTypos(joinSpokenWords(maskPersonalData(c.text)));
  if (assessDanger(read)) continue;
  audited++;
  const levelOf = (i: number) => taxonomy.parentOf.get(taxonomy.cues[i]!.level2);
  const matching = taxonomy.cues.flatMap((cue, i) => (cue.pattern.test(read) ? [i] : []));
  const first = matching[0];
  if (first === undefined) continue;
  const tally = tallies[first]!;
  tally.decided++;
  if (levelOf(first) === c.expect.level1) continue;
  tally.wrong.push(`${c.id} ${c.text} (want ${c.expect.level1})`);
  const rightLater = matching.find((i) => levelOf(i) === c.expect.level1);
  if (rightLater !== undefined) tallies[rightLater]!.shadowed.push(`${c.id} ${c.text} (under cue ${first})`);
}

const rows = tallies.map((t, i) => ({
  cue: i,
  level2: taxonomy.cues[i]!.level2,
  decided: t.decided,
  wrong: t.wrong.length,
  "right but shadowed": t.shadowed.length,
}));
console.log(`${audited} matters decided by no danger, in ${positionals.join(", ")}`);
console.table(rows.filter((r) => r.decided > 0 || r["right but shadowed"] > 0));
const idle = rows.filter((r) => r.decided === 0).map((r) => `${r.cue} ${r.level2}`);
console.log(`entries that decide nothing here: ${idle.length > 0 ? idle.join("; ") : "none"}`);
if (values.examples)
  tallies.forEach((t, i) => {
    for (const w of t.wrong) console.log(`cue ${i} (${taxonomy.cues[i]!.level2}) decided wrongly: ${w}`);
    for (const s of t.shadowed) console.log(`cue ${i} (${taxonomy.cues[i]!.level2}) was right but shadowed: ${s}`);
  });
const decided = rows.reduce((n, r) => n + r.decided, 0);
const wrong = rows.reduce((n, r) => n + r.wrong, 0);
console.log(JSON.stringify({ audited, decided, wrong, idle: idle.length }));
