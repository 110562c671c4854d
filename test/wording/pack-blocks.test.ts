import { describe, expect, it } from "vitest";
import { packBlocks } from "../../src/wording/pack-blocks.ts";
import type { WeeklyDigestData } from "../../src/wording/weekly-digest.ts";
import { wecomMarkdown } from "../../src/channels/wecom/wecom-markdown.ts";
import { weeklyDigest } from "../../src/wording/weekly-digest.ts";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

describe("packing a long post into platform messages", () => {
  it("keeps a post that fits in one message, blocks separated by a blank line", () => {
    expect(packBlocks(["**标题**", "- 一\n- 二"], 4096)).toEqual(["**标题**\n\n- 一\n- 二"]);
  });

  it("splits between blocks, in order, every part within the limit, nothing lost", () => {
    const blocks = Array.from({ length: 40 }, (_, i) => `**第 ${i + 1} 段**\n${"代表履职情况良好。".repeat(8)}`);
    const parts = packBlocks(blocks, 1000);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(1000);
    expect(parts.join("\n\n")).toBe(blocks.join("\n\n"));
  });

  it("splits one block that alone is too long at line ends", () => {
    const block = Array.from({ length: 200 }, (_, i) => `- 第 ${i + 1} 位代表：转交 1 件`).join("\n");
    const parts = packBlocks([block], 1000);
    for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(1000);
    expect(parts.join("\n")).toBe(block);
  });
});

describe("the weekly digest", () => {
  const figures = {
    received: 3,
    closedInPeriod: 2,
    receivedAndClosed: 1,
    closureRate: 1 / 3,
    ratings: 2,
    satisfied: 2,
    satisfactionRate: 1,
  };
  const data = (deputies: number): WeeklyDigestData => ({
    groupName: "幸福社区代表联络群",
    current: figures,
    previous: { ...figures, received: 5 },
    overdueCount: 1,
    topCategories: [{ name: "路灯照明", count: 2 }],
    hotspots: [{ number: "2026-0001", categoryL2: "道路破损", place: "阳光小区", affected: 3 }],
    communities: [{ name: "阳光小区", count: 2 }],
    deputies: Array.from({ length: deputies }, (_, i) => ({
      name: `第${i + 1}位代表`,
      relayed: 1,
      claimed: 0,
      replied: 0,
      closed: 0,
    })),
  });

  it("states the week's figures against the week before in one message when it fits", () => {
    const [only, ...rest] = weeklyDigest(data(2), "11月23日—11月29日", 4096);
    expect(rest).toEqual([]);
    expect(only!.markdown).toContain("新收 3 件（上周 5 件，较上周减少 2 件）");
    expect(only!.markdown).toContain("办结率 33.3%");
    expect(only!.markdown).toContain("满意率 100%（2 人评价）");
    expect(only!.markdown).toContain("#2026-0001 道路破损（阳光小区） · 3 位居民反映");
  });

  it("makes up no comparison in the group's first week", () => {
    const [only] = weeklyDigest({ ...data(1), previous: null }, "11月30日—12月6日", 4096);
    expect(only!.markdown).toContain("新收 3 件（本群首周，暂无上周数据）");
    expect(only!.markdown).not.toContain("上周 ");
  });

  it("is split into numbered messages that each fit WeCom's 4096 bytes when it is long", () => {
    const parts = weeklyDigest(data(400), "11月23日—11月29日", 4096);
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((p, i) => {
      expect(bytes(wecomMarkdown(p))).toBeLessThanOrEqual(4096);
      expect(wecomMarkdown(p).endsWith("…")).toBe(false); // fitted, not truncated by the sender
      expect(p.title).toContain(`（${i + 1}/${parts.length}）`);
    });
    expect(parts.map((p) => p.markdown).join("\n")).toContain("第400位代表");
  });
});
