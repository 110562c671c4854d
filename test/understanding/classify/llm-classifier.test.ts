// The LLM path against a local server that speaks the chat-completions protocol, including the ways it
// fails. Every failure must fall back to the offline classifier and say so in decidedBy.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/infra/create-logger.ts";
import { LlmClassifier, renderPrompt } from "../../../src/understanding/classify/llm-classifier.ts";
import {
  DEFAULT_TAXONOMY_FILE,
  LEARNED_URGENT_REASON,
  OfflineClassifier,
} from "../../../src/understanding/classify/offline-classifier.ts";
import { readTaxonomy } from "../../../src/understanding/classify/taxonomy.ts";
import { startFakeLlm, type FakeLlm } from "../../support/fake-llm.ts";

const taxonomy = readTaxonomy(DEFAULT_TAXONOMY_FILE);
const offline = OfflineClassifier.fromFiles();

describe("the LLM classifier", () => {
  let llm: FakeLlm;
  let classifier: LlmClassifier;
  beforeAll(async () => {
    llm = await startFakeLlm();
    classifier = new LlmClassifier(
      { baseUrl: llm.baseUrl, apiKey: "k", model: "qwen-test", timeoutMs: 500, maxRetries: 0 },
      taxonomy,
      offline,
      createLogger("silent"),
    );
  });
  beforeEach(() => {
    llm.requests.length = 0;
  });
  afterAll(async () => llm.close());

  const answer = (o: unknown) => ({ kind: "answer" as const, content: JSON.stringify(o) });

  it("uses the model's answer when it is valid, and records the model as the decider", async () => {
    llm.script(answer({ isIssue: true, categoryL2: "停车管理", requestType: "投诉", confidence: 0.82 }));
    expect(await classifier.classify("楼下天天有人乱停车")).toEqual({
      isIssue: true,
      categoryL1: "交通运输",
      categoryL2: "停车管理",
      confidence: 0.82,
      decidedBy: "llm:qwen-test",
      requestType: "投诉",
      requestTypeConfidence: 0.82,
    });
  });

  it("keeps an emergency the learned urgency model hears when the model's answer has none", async () => {
    const text = "电梯里困了两个人，按铃没人应";
    const heard = await offline.classify(text);
    expect(heard.urgentReason).toBe(LEARNED_URGENT_REASON);
    llm.script(answer({ isIssue: true, categoryL2: "电梯安全", requestType: "求助", confidence: 0.9 }));
    expect(await classifier.classify(text)).toMatchObject({
      categoryL2: "电梯安全",
      decidedBy: "llm:qwen-test",
      urgentReason: LEARNED_URGENT_REASON,
    });
    llm.script(answer({ isIssue: false, categoryL2: "非诉求", confidence: 0.7 }));
    expect(await classifier.classify(text)).toEqual({
      ...heard,
      decidedBy: "offline-tfidf-svm (urgent, over llm:qwen-test)",
    });
  });

  it("leaves the model's answer alone when the learned urgency model hears no emergency", async () => {
    llm.script(answer({ isIssue: false, categoryL2: "非诉求", confidence: 0.9 }));
    const result = await classifier.classify("今天天气不错");
    expect(result.isIssue).toBe(false);
    expect(result.urgentReason).toBeUndefined();
  });

  it("sends the prompt with the taxonomy, asks for JSON, and never sends a phone number", async () => {
    llm.script(answer({ isIssue: true, categoryL2: "路灯照明", requestType: "求助", confidence: 0.9 }));
    await classifier.classify("路灯坏了，联系我13812345678");
    const req = llm.requests[0]!;
    expect(req.model).toBe("qwen-test");
    expect(req.response_format).toEqual({ type: "json_object" });
    expect(req.messages[0]!.content).toContain("- 城乡建设 / 路灯照明");
    expect(req.messages[1]!.content).toBe("路灯坏了，联系我138****5678");
  });

  it("accepts a non-issue answer", async () => {
    llm.script(answer({ isIssue: false, categoryL2: "非诉求", requestType: null, confidence: 0.95 }));
    expect((await classifier.classify("谢谢大家")).isIssue).toBe(false);
  });

  it.each([
    ["answer is not JSON", { kind: "answer" as const, content: "好的，这是一个路灯问题。" }, "LlmFailure"],
    ["answer misses fields", answer({ categoryL2: "路灯照明" }), "LlmFailure"],
    ["category is not in the taxonomy", answer({ isIssue: true, categoryL2: "外星人", confidence: 0.9 }), "LlmFailure"],
    ["model refuses", { kind: "refusal" as const, refusal: "I can't help with that." }, "LlmFailure"],
    ["answer comes after the timeout", { kind: "slow" as const, ms: 1500, content: "{}" }, "APIConnectionTimeoutError"],
    ["server answers 500", { kind: "status" as const, status: 500 }, "InternalServerError"],
  ])("falls back to the offline classifier when the %s", async (_why, behaviour, errorName) => {
    llm.script(behaviour);
    const text = "小区门口的路灯坏了一个星期";
    const result = await classifier.classify(text);
    const expected = await offline.classify(text);
    expect(result).toEqual({ ...expected, decidedBy: `offline-tfidf-svm (fallback: ${errorName})` });
  });

  it("renders every category of the taxonomy into the prompt", () => {
    const prompt = renderPrompt(taxonomy);
    for (const [l2, l1] of taxonomy.parentOf) expect(prompt).toContain(`- ${l1} / ${l2}`);
    expect(prompt).not.toContain("{{");
  });
});
