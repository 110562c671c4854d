// The analysis contract (npm run -s analyze): one JSON line per input line, same order, with exactly the
// documented fields, using a group's places when the line names the group.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

it("analyses JSONL from stdin into one JSON line per message, in order, with the documented fields", () => {
  const dir = mkdtempSync(join(tmpdir(), "minyi-analyze-"));
  const groups = join(dir, "groups.json");
  writeFileSync(
    groups,
    JSON.stringify([
      {
        platform: "wecom",
        platformGroupId: "g1",
        name: "幸福社区群",
        places: [{ name: "幸福小区", aliases: ["幸福里"] }],
      },
    ]),
  );
  const input = [
    { id: "a", text: "快来人！2栋电梯卡在两层中间了，里面困着两个人，物业电话打不通" },
    { id: "b", text: "谢谢大家" },
    { id: "c", text: "我叫张伟，电话13812345678，幸福里3栋门口的路灯坏了", group: "g1" },
    { id: "d", text: "上周电梯经常困人，今天又坏了" }, // a matter by its words, though the model takes it for chat
    { id: "e", text: "那个 锦江 小区 9栋 门口 的 路灯 坏了 一个 多 月" }, // voice-to-text, spaced word by word
    { id: "f", text: "有个小伙子在河里扑腾，看着快不行了" }, // an emergency only the learned model hears
    { id: "g", text: "刚才有个小伙子在河里扑腾，已经被救上来了，人没事" }, // the model hears it; the rules see it is over
  ]
    .map((l) => JSON.stringify(l))
    .join("\n");
  const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/analyze.ts", "--groups", groups], {
    cwd: root,
    input,
    encoding: "utf8",
  });
  const lines = out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines.map((l) => l.id)).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
  for (const l of lines) {
    expect(Object.keys(l).sort()).toEqual(
      [
        "confidence",
        "id",
        "isMatter",
        "level1",
        "level2",
        "masked",
        "place",
        "requestType",
        "urgent",
        "urgentReason",
      ].sort(),
    );
  }
  expect(lines[0]).toMatchObject({
    isMatter: true,
    urgent: true,
    urgentReason: "有人被困电梯",
    level1: "城乡建设",
    requestType: "求助",
  });
  expect(lines[1]).toMatchObject({ isMatter: false, urgent: false, level1: null, place: null });
  expect(lines[2]).toMatchObject({ isMatter: true, place: "幸福里3栋门口", level2: "路灯照明" });
  expect(lines[2]!.masked).toBe("我叫张*，电话138****5678，幸福里3栋门口的路灯坏了");
  expect(lines[5]).toMatchObject({ isMatter: true, urgent: true, urgentReason: "紧急求助", requestType: "求助" });
  expect(lines[6]).toMatchObject({ urgent: false, urgentReason: null });
  // Read without the spaces between words; what is kept and shown is the text as written.
  expect(lines[4]).toMatchObject({
    place: "锦江小区9栋门口",
    level2: "路灯照明",
    masked: "那个 锦江 小区 9栋 门口 的 路灯 坏了 一个 多 月",
  });
  // Every matter has a request type; only a message that is no matter has none.
  expect(lines[3]).toMatchObject({ isMatter: true, level2: "电梯安全" });
  for (const l of lines) expect(l.requestType === null).toBe(l.isMatter === false);
});

it("scores labeled chat messages with npm run eval -- --chat, ending with one JSON line", () => {
  const dir = mkdtempSync(join(tmpdir(), "minyi-chat-eval-"));
  const file = join(dir, "chat.jsonl");
  const cases = [
    {
      id: "1",
      text: "厨房燃气味很重，好像漏气了，碧水苑7栋",
      expect: { isMatter: true, urgent: true, level1: "城乡建设", requestType: "求助", place: ["碧水苑7栋"] },
    },
    {
      id: "2",
      text: "大家早上好",
      expect: { isMatter: false, urgent: false, level1: null, requestType: null, place: null },
    },
  ];
  writeFileSync(file, cases.map((c) => JSON.stringify(c)).join("\n"));
  const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/eval.ts", "--chat", file], {
    cwd: root,
    encoding: "utf8",
  });
  const last = JSON.parse(out.trim().split("\n").at(-1)!) as Record<string, number>;
  expect(last).toMatchObject({
    cases: 2,
    urgentRecall: 1,
    urgentPrecision: 1,
    isMatterAccuracy: 1,
    level1Accuracy: 1,
    placeCorrect: 1,
    nonPlaceRate: 0,
    digitLeaks: 0,
  });
  expect(last.msgsPerSecond).toBeGreaterThan(0);
});
