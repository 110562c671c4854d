import { describe, expect, it } from "vitest";
import { textSimilarity } from "../../../src/understanding/extract/text-similarity.ts";

describe("how alike two reports are", () => {
  it("scores the same matter in other words above a different matter", () => {
    const same = textSimilarity("幸福小区3栋门口的路灯坏了", "幸福小区3栋门口路灯不亮了，晚上太黑");
    const other = textSimilarity("幸福小区3栋门口的路灯坏了", "和平路菜市场的井盖丢了");
    expect(same).toBeGreaterThan(0.4);
    expect(other).toBe(0);
    expect(textSimilarity("路灯坏了！", "路灯坏了")).toBe(1);
    expect(textSimilarity("", "路灯")).toBe(0);
  });
});
