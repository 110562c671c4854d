import { describe, expect, it } from "vitest";
import { requestTypeCue } from "../../../src/understanding/extract/request-type-cues.ts";

describe("request type from decisive words", () => {
  it.each([
    ["举报一下，有人在地下室聚众赌博", "举报"],
    ["投诉物业，态度太差了", "投诉"],
    ["建议在公交站加个遮雨棚", "建议"],
    ["我觉得应该在小区里设几个吸烟区，现在到处都是烟头", "建议"],
    ["能不能在菜市场边上建个公共厕所", "建议"],
    ["请问孩子上小学要准备哪些材料", "咨询"],
    ["公积金提取需要什么材料", "咨询"],
  ] as const)("reads %s as %s", (text, type) => {
    expect(requestTypeCue(text)).toBe(type);
  });

  it.each(["楼道灯坏了", "我觉得这事挺麻烦的"])("leaves %s to the model", (text) => {
    expect(requestTypeCue(text)).toBeNull();
  });
});
