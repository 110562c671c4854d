// The analysis's own decisions beside the rules it calls: here, that chat the learned matter model is all but sure of
// stays chat although it holds words that otherwise keep a matter.
import { describe, expect, it } from "vitest";
import { analyzeMessage, SURE_CHAT } from "../../src/understanding/analyze-message.ts";
import {
  DEFAULT_CHAT_CASES_FILE,
  DEFAULT_TAXONOMY_FILE,
  DEFAULT_TRAINING_FILE,
  OfflineClassifier,
} from "../../src/understanding/classify/offline-classifier.ts";
import { readChatCaseExamples } from "../../src/understanding/classify/chat-case-examples.ts";
import { readExamples } from "../../src/understanding/classify/labeled-examples.ts";
import { CHAT } from "../../src/understanding/classify/matter-examples.ts";
import { readTaxonomy } from "../../src/understanding/classify/taxonomy.ts";
import { namesAProblem } from "../../src/understanding/extract/not-a-matter/problem-words.ts";
import { notAMatter } from "../../src/understanding/extract/not-a-matter/not-a-matter.ts";

const taxonomy = readTaxonomy(DEFAULT_TAXONOMY_FILE);
const street = readExamples(DEFAULT_TRAINING_FILE);
const chat = readChatCaseExamples(DEFAULT_CHAT_CASES_FILE);
// Words of a problem ("能不能") in a message about the group itself, which no rule names.
const text = "我们小区业主群里有人天天发广告，能不能让管理员踢了";
/** The shipped models, the matter model also taught this very message as chat (so it is all but sure of it, whatever
 * the shipped cases become). */
const shipped = new OfflineClassifier(taxonomy, street, [], {
  ...chat,
  matter: [...chat.matter, ...Array.from({ length: 3 }, () => ({ text, label: CHAT }))],
});
/** The same street-level model without the chat cases: no learned matter model. */
const withoutMatterModel = new OfflineClassifier(taxonomy, street);

describe("is this a matter at all", () => {
  it("takes chat the matter model is all but sure of for chat, whatever words of a problem it holds", async () => {
    expect(namesAProblem(text)).toBe(true);
    expect(notAMatter(text)).toBeNull();
    expect((await shipped.classify(text)).chatProbability).toBeGreaterThanOrEqual(SURE_CHAT);
    const a = await analyzeMessage({ classifier: shipped, taxonomy }, text);
    expect(a.isMatter).toBe(false);
    expect(a.matterBy).toBeNull();
  });

  it("keeps a message with words of a problem as a matter when no matter model says otherwise", async () => {
    const a = await analyzeMessage({ classifier: withoutMatterModel, taxonomy }, text);
    expect(a.isMatter).toBe(true);
    expect(a.matterBy).toBe("problem");
  });

  it("keeps a matter the matter model is unsure of although it reads like chat", async () => {
    const said = "谢谢大家关心，不过小区门口那个台阶真的该修了";
    expect((await shipped.classify(said)).chatProbability ?? 0).toBeLessThan(SURE_CHAT);
    expect((await analyzeMessage({ classifier: shipped, taxonomy }, said)).isMatter).toBe(true);
  });
});
