// The LLM's pass over a proposal draft, against a local server speaking the chat-completions protocol: a valid
// answer rewords the draft (the numbers section stays ours), the input is masked, and any failure keeps the
// offline draft with the reason.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLogger } from "../../src/infra/create-logger.ts";
import type { Hotspot } from "../../src/proposals/find-hotspots.ts";
import { improveDraft } from "../../src/proposals/improve-draft.ts";
import { draftProposal } from "../../src/proposals/proposal-draft.ts";
import { DEFAULT_PROPOSAL_TEXTS_FILE, readProposalTexts } from "../../src/proposals/proposal-texts.ts";
import { startFakeLlm, type FakeLlm } from "../support/fake-llm.ts";

const hotspot: Hotspot = {
  key: "停车管理|幸福小区",
  rank: 1,
  level1: "交通运输",
  level2: "停车管理",
  place: "幸福小区",
  tickets: 6,
  residents: 9,
  groups: 2,
  groupIds: [1, 2],
  places: ["幸福小区3号楼"],
  firstDate: "2026-12-02",
  lastDate: "2026-12-20",
  closed: 2,
  meanDaysToClose: 4.5,
  rated: 2,
  satisfied: 1,
  quotes: ["幸福小区停车太难了，电话13812345678"],
  ticketNumbers: ["2026-0009", "2026-0004"],
};
const period = { from: "2026-12-01", to: "2026-12-31" };
const offline = draftProposal(hotspot, readProposalTexts(DEFAULT_PROPOSAL_TEXTS_FILE), period);
const log = createLogger("silent");
let llm: FakeLlm;
const options = () => ({ baseUrl: llm.baseUrl, apiKey: "test", model: "test-model", timeoutMs: 2_000, maxRetries: 0 });

beforeAll(async () => {
  llm = await startFakeLlm();
});
afterAll(async () => {
  await llm.close();
});

it("builds the offline draft from the evidence's numbers", () => {
  expect(offline.title).toBe("关于解决幸福小区停车难问题的建议");
  expect(offline.sections.cause).toContain("共形成工单6件、涉及群众9人");
  expect(offline.sections.situation).toContain("已办结2件、未办结4件，办结率33%，已办结的平均用时4.5天");
  expect(offline.sections.analysis).toMatch(/^一是.+二是/u);
});

it("takes the model's wording for title, cause, analysis and suggestions, and keeps the numbers section", async () => {
  llm.script({
    kind: "answer",
    content: JSON.stringify({
      title: "关于加快缓解幸福小区停车难的建议",
      cause: "幸福小区停车难问题群众反映集中。",
      analysis: "一是车位缺口大。二是共享停车未推开。",
      suggestions: ["1. 挖潜增设泊位", "推动周边单位错时共享停车"],
    }),
  });
  const { draft, draftedBy } = await improveDraft(offline, hotspot, options(), log);
  expect(draftedBy).toBe("llm:test-model");
  expect(draft.title).toBe("关于加快缓解幸福小区停车难的建议");
  expect(draft.sections.suggestions).toEqual(["挖潜增设泊位", "推动周边单位错时共享停车"]);
  expect(draft.sections.situation).toBe(offline.sections.situation);
  const sent = llm.requests.at(-1)!.messages.at(-1)!.content;
  expect(sent).not.toContain("13812345678");
});

it("keeps the offline draft when the answer is not the form asked for, or the endpoint fails", async () => {
  llm.script(
    { kind: "answer", content: JSON.stringify({ title: "随便写写", cause: "x" }) },
    { kind: "status", status: 500 },
  );
  for (let i = 0; i < 2; i++) {
    const { draft, draftedBy } = await improveDraft(offline, hotspot, options(), log);
    expect(draft).toEqual(offline);
    expect(draftedBy).toMatch(/^offline \(fallback: /);
  }
});
