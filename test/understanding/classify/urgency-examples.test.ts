// The project's labeled chat messages as urgency examples: every line becomes "urgent" or "calm".
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { readUrgencyExamples } from "../../../src/understanding/classify/urgency-examples.ts";
import { DEFAULT_URGENCY_FILE } from "../../../src/understanding/classify/offline-classifier.ts";

it("reads every shipped chat case as an urgent or a calm example", () => {
  const examples = readUrgencyExamples(DEFAULT_URGENCY_FILE);
  expect(examples.length).toBeGreaterThan(1000);
  expect(new Set(examples.map((e) => e.label))).toEqual(new Set(["urgent", "calm"]));
});

it("refuses a line without its urgency label, naming the line", () => {
  const file = join(mkdtempSync(join(tmpdir(), "minyi-urgency-")), "cases.jsonl");
  writeFileSync(file, `{"id":"a","text":"路灯坏了","expect":{"urgent":false}}\n{"id":"b","text":"着火了"}\n`);
  expect(() => readUrgencyExamples(file)).toThrow(/cases\.jsonl:2/);
});
