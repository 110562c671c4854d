import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/conversation/commands/parse-command.ts";

describe("reading a chat command", () => {
  it.each([
    ["认领 #2026-0007", { verb: "claim", number: "2026-0007" }],
    ["认领＃2026-7", { verb: "claim", number: "2026-0007" }],
    [
      "进展 #2026-0007 已联系市政，下周更换灯杆",
      { verb: "progress", number: "2026-0007", note: "已联系市政，下周更换灯杆" },
    ],
    ["答复 #2026-0007：已与物业协商", { verb: "reply", number: "2026-0007", note: "已与物业协商" }],
    ["办结 #2026-0007 路灯已修复", { verb: "close", number: "2026-0007", reason: "fixed", note: "路灯已修复" }],
    [
      "办结 #2026-0007 未解决，需区里统筹",
      { verb: "close", number: "2026-0007", reason: "not_fixed", note: "需区里统筹" },
    ],
    [
      "办结 #2026-0007 不属于街道职责，已告知12345",
      { verb: "close", number: "2026-0007", reason: "not_ours", note: "已告知12345" },
    ],
    ["办结 #2026-0007", { verb: "close", number: "2026-0007", reason: "fixed", note: "" }],
    ["改类 #2026-0007 停车", { verb: "recategorize", number: "2026-0007", category: "停车" }],
    ["合并 #2026-0009 到 #2026-0007", { verb: "merge", number: "2026-0009", into: "2026-0007" }],
    ["查询 2026-0007", { verb: "query", number: "2026-0007" }],
    ["评价 #2026-0007 基本满意", { verb: "rate", number: "2026-0007", resolved: null, rating: "基本满意" }],
    ["评价 #2026-0007 没解决，不满意", { verb: "rate", number: "2026-0007", resolved: false, rating: "不满意" }],
    ["评价 #2026-0007 已解决", { verb: "rate", number: "2026-0007", resolved: true, rating: null }],
    ["撤回 #2026-0007", { verb: "withdraw", number: "2026-0007" }],
    ["重办 #2026-0007 居民反映仍未修好", { verb: "reopen", number: "2026-0007", note: "居民反映仍未修好" }],
    ["我的工单", { verb: "mine" }],
    ["统计。", { verb: "stats" }],
    ["/帮助", { verb: "help" }],
    ["统计一下本月情况", { verb: "stats" }],
    ["我的工单有哪些？", { verb: "mine" }],
    ["查询 #7", { verb: "query", number: "????-0007" }],
    ["查询＃12", { verb: "query", number: "????-0012" }],
    ["认领 3", { verb: "claim", number: "????-0003" }],
  ])("reads %s", (text, command) => {
    expect(parseCommand(text)).toEqual({ kind: "command", command });
  });

  it.each([
    ["认领", "claim"],
    ["进展 #2026-0007", "progress"],
    ["合并 #2026-0009", "merge"],
    ["合并 #2026-0009 到 #2026-0009", "merge"],
    ["评价 #2026-0007 还行吧", "rate"],
    ["/认领 七号", "claim"],
  ])("answers %s with the usage of %s", (text, verb) => {
    expect(parseCommand(text)).toEqual({ kind: "malformed", verb });
  });

  it("treats a sentence that merely starts with a command word as an ordinary message", () => {
    expect(parseCommand("查询一下社保怎么交")).toEqual({ kind: "message" });
    expect(parseCommand("反馈一个问题：小区路灯坏了")).toEqual({ kind: "message" });
    expect(parseCommand("幸福小区3栋门口的路灯坏了")).toEqual({ kind: "message" });
  });

  it("calls a slash word it does not know an unknown command", () => {
    expect(parseCommand("/撤单 #2026-0007")).toEqual({ kind: "unknown" });
  });
});

describe("reading the reception-day commands", () => {
  it("reads the date, the number of visitors and the deputies present", () => {
    expect(parseCommand("接待登记 12月10日 来访 8 人 到场 张代表、李代表")).toEqual({
      kind: "command",
      command: {
        verb: "reception-log",
        date: "????-12-10",
        confirmed: false,
        visitors: 8,
        names: ["张代表", "李代表"],
      },
    });
    expect(parseCommand("接待登记 2026-12-10 接待群众12人")).toEqual({
      kind: "command",
      command: { verb: "reception-log", date: "2026-12-10", confirmed: false, visitors: 12, names: [] },
    });
  });

  it("reads a matter raised on the day, with or without a date", () => {
    expect(parseCommand("接待问题 12月10日 菜市场门口占道经营")).toEqual({
      kind: "command",
      command: { verb: "reception-issue", date: "????-12-10", text: "菜市场门口占道经营" },
    });
    expect(parseCommand("接待问题 菜市场门口占道经营")).toEqual({
      kind: "command",
      command: { verb: "reception-issue", date: null, text: "菜市场门口占道经营" },
    });
  });

  it("answers a reception command with nothing to record with its usage", () => {
    expect(parseCommand("接待登记")).toEqual({ kind: "malformed", verb: "reception-log" });
    expect(parseCommand("接待问题 12月10日")).toEqual({ kind: "malformed", verb: "reception-issue" });
  });
});
