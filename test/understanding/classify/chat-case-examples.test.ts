// The project's labeled chat messages as examples: every line "urgent" or "calm", every matter its first level.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import {
  readLevel1Examples,
  readRequestTypeExamples,
  readUrgencyExamples,
} from "../../../src/understanding/classify/chat-case-examples.ts";
import { DEFAULT_CHAT_CASES_FILE } from "../../../src/understanding/classify/offline-classifier.ts";

it("reads every shipped chat case as an urgent or a calm example", () => {
  const examples = readUrgencyExamples(DEFAULT_CHAT_CASES_FILE);
  expect(examples.length).toBeGreaterThan(1000);
  expect(new Set(examples.map((e) => e.label))).toEqual(new Set(["urgent", "calm"]));
});

it("reads the shipped chat matters with their first level, and no message that is not a matter", () => {
  const examples = readLevel1Examples(DEFAULT_CHAT_CASES_FILE);
  expect(examples.length).toBeGreaterThan(600);
  expect(examples.length).toBeLessThan(readUrgencyExamples(DEFAULT_CHAT_CASES_FILE).length);
  expect(new Set(examples.map((e) => e.label))).toContain("城乡建设");
});

it("reads the request types of the matters that are not urgent (an emergency is 求助 whatever its words)", () => {
  const file = join(mkdtempSync(join(tmpdir(), "minyi-request-types-")), "cases.jsonl");
  writeFileSync(
    file,
    [
      `{"id":"a","text":"路灯坏了","expect":{"isMatter":true,"urgent":false,"level1":"城乡建设","requestType":"求助"}}`,
      `{"id":"b","text":"着火了","expect":{"isMatter":true,"urgent":true,"level1":"政法","requestType":"求助"}}`,
      `{"id":"c","text":"早上好","expect":{"isMatter":false,"urgent":false,"level1":null,"requestType":null}}`,
      `{"id":"d","text":"楼上太吵","expect":{"isMatter":true,"urgent":false,"level1":"环境保护","requestType":"投诉"}}`,
    ].join("\n"),
  );
  expect(readRequestTypeExamples(file)).toEqual([
    { text: "路灯坏了", label: "求助" },
    { text: "楼上太吵", label: "投诉" },
  ]);
  expect(readRequestTypeExamples(DEFAULT_CHAT_CASES_FILE).length).toBeGreaterThan(500);
});

it("refuses a line without its urgency label, naming the line", () => {
  const file = join(mkdtempSync(join(tmpdir(), "minyi-urgency-")), "cases.jsonl");
  writeFileSync(
    file,
    `{"id":"a","text":"路灯坏了","expect":{"isMatter":true,"urgent":false,"level1":"城乡建设"}}\n{"id":"b","text":"着火了"}\n`,
  );
  expect(() => readUrgencyExamples(file)).toThrow(/cases\.jsonl:2/);
});

it("ships chat cases whose ids are unique, so a batch's figures and a miss name one message each", () => {
  const ids = readFileSync(DEFAULT_CHAT_CASES_FILE, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as { id: string }).id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
});
