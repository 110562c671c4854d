// npm run -s analyze [-- --groups groups.json] < messages.jsonl > analyses.jsonl
// One JSON line per input line {"id","text"} (optional "group": a group's platformGroupId or name in the
// groups file, whose known places are then used), in the same order:
// {"id","isMatter","urgent","urgentReason","level1","level2","requestType","place","confidence","masked"}.
// It runs exactly what the service runs: the classifier the service builds from the environment (offline by
// default; the LLM when LLM_BASE_URL / LLM_MODEL are set), then analyzeMessage.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { GroupsFileSchema } from "../src/groups/seed-groups.ts";
import { gazetteerOf, type Gazetteer } from "../src/understanding/extract/gazetteer.ts";
import { createLogger } from "../src/infra/create-logger.ts";
import { loadConfig } from "../src/infra/load-config.ts";
import { analyzeMessage } from "../src/understanding/analyze-message.ts";
import { buildClassifier } from "../src/understanding/classify/build-classifier.ts";

const { values } = parseArgs({ options: { groups: { type: "string" } } });
const gazetteers = new Map<string, Gazetteer>();
if (values.groups) {
  for (const g of GroupsFileSchema.parse(JSON.parse(readFileSync(values.groups, "utf8")))) {
    gazetteers.set(g.platformGroupId, gazetteerOf(g.places));
    gazetteers.set(g.name, gazetteerOf(g.places));
  }
}
const config = loadConfig(process.env);
const built = await buildClassifier(null, config.llm, createLogger("error"));
const out: string[] = [];
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const { id, text, group } = JSON.parse(line) as { id: string; text: string; group?: string };
  const gazetteer = group ? gazetteers.get(group) : undefined;
  const a = await analyzeMessage({ ...built, ...(gazetteer ? { gazetteer } : {}) }, text);
  out.push(
    JSON.stringify({
      id,
      isMatter: a.isMatter,
      urgent: a.urgent,
      urgentReason: a.urgentReason,
      level1: a.level1,
      level2: a.level2,
      requestType: a.requestType,
      place: a.place,
      confidence: Number(a.confidence.toFixed(4)),
      masked: a.masked,
    }),
  );
  if (out.length >= 256) process.stdout.write(`${out.splice(0).join("\n")}\n`);
}
if (out.length) process.stdout.write(`${out.join("\n")}\n`);
