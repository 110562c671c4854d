// With LLM_* set, the service asks the model; when the model fails, the offline classifier decides and
// the ticket says which one did.
import { afterAll, beforeAll, expect, it } from "vitest";
import { send, wecomBotRequest, wecomBotText } from "../../support/platform-client.ts";
import { startFakeLlm, type FakeLlm } from "../support/fake-llm.ts";
import { eventually, startTestService, WECOM_GROUP, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

describeEachDatabase("the LLM path in the running service", (kind) => {
  let t: TestService;
  let llm: FakeLlm;
  beforeAll(async () => {
    llm = await startFakeLlm();
    t = await startTestService(kind, {
      env: { LLM_BASE_URL: llm.baseUrl, LLM_MODEL: "deepseek-test", LLM_TIMEOUT_MS: "1000", LLM_MAX_RETRIES: "0" },
    });
  });
  afterAll(async () => {
    await t.close();
    await llm.close();
  });

  async function report(msgId: string, content: string) {
    const msg = wecomBotText({
      msgId,
      chatId: WECOM_GROUP,
      from: `u-${msgId}`,
      content,
      responseUrl: `${t.fake.url}/wecom/response/${msgId}`,
    });
    expect((await send(t.url, wecomBotRequest(t.botKeys, msg))).status).toBe(200);
    return eventually(() => t.service.db.ticket.findFirst({ where: { reporterId: `u-${msgId}` } }));
  }

  it("files the ticket under the model's category and records the model", async () => {
    llm.script({
      kind: "answer",
      content: JSON.stringify({ isIssue: true, categoryL2: "老旧小区改造", requestType: "咨询", confidence: 0.77 }),
    });
    const ticket = await report("llm-1", "我们楼想装电梯，需要几户同意？");
    expect(ticket).toMatchObject({
      categoryL2: "老旧小区改造",
      requestType: "咨询",
      confidence: 0.77,
      decidedBy: "llm:deepseek-test",
      needsReview: false,
    });
  });

  it("falls back to the offline classifier when the model answers garbage, and says so on the ticket", async () => {
    llm.script({ kind: "answer", content: "抱歉，我无法判断。" });
    const ticket = await report("llm-2", "小区门口的路灯坏了一个星期");
    expect(ticket).toMatchObject({
      categoryL2: "路灯照明",
      decidedBy: expect.stringContaining("offline-tfidf-svm (fallback: LlmFailure)"),
    });
  });

  it("marks a low-confidence category for staff to confirm", async () => {
    llm.script({
      kind: "answer",
      content: JSON.stringify({ isIssue: true, categoryL2: "营商环境", requestType: "建议", confidence: 0.35 }),
    });
    const ticket = await report("llm-3", "希望多给小店一些扶持");
    expect(ticket.needsReview).toBe(true);
    await eventually(async () => t.fake.received.some((r) => r.path === "/wecom/response/llm-3"));
    const body = t.fake.received.find((r) => r.path === "/wecom/response/llm-3")!.body as {
      markdown: { content: string };
    };
    expect(body.markdown.content).toContain("（待工作人员确认）");
  });
});
