// Whether two places written in two reports are the same place for "the same matter".
import { describe, expect, it } from "vitest";
import { samePlace } from "../../src/conversation/find-related-ticket.ts";

describe("the same place", () => {
  it.each([
    ["幸福小区5栋", "幸福小区5栋2单元"],
    ["幸福小区北门", "幸福小区"],
    ["幸福小区5栋", "幸福小区北门"],
    ["和平路与解放路交叉口", "和平路"],
  ])("is %s and %s", (a, b) => {
    expect(samePlace(a, b)).toBe(true);
  });

  it.each([
    ["幸福小区8栋", "幸福小区11栋2单元"],
    ["幸福小区5栋1单元", "幸福小区5栋3单元"],
    ["幸福小区5栋", "阳光花园5栋"],
  ])("is not %s and %s", (a, b) => {
    expect(samePlace(a, b)).toBe(false);
  });
});
