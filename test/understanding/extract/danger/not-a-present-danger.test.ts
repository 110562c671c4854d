// What makes danger words no present danger, asked of every danger whether the rules or a learned model found it.
import { describe, expect, it } from "vitest";
import { dangerIsCancelled, dangerIsPast } from "../../../../src/understanding/extract/danger/not-a-present-danger.ts";

describe("no present danger", () => {
  it.each([
    "电梯停在两层中间，门开了一半，里面好像没人",
    "邻居出差一个星期了，他家的猫是不是没人喂",
    "刚才的火已经扑灭了，没人受伤",
    "网上买的暖风机用了一次就冒烟，商家不给退",
    "转：外地某小区燃气爆炸致3人受伤",
    "万一着火了怎么办",
    "刚才消防车来了，是几栋着火了？现在没事了吧",
    "周末社区有个急救培训，学心肺复苏的，有兴趣的可以报名",
  ])("cancels any danger in %s", (text) => {
    expect(dangerIsCancelled(text)).toBe(true);
  });

  it.each([
    "电梯停在两层中间，里面有人在喊",
    "邻居家的狗扑倒了一个小孩，孩子在流血",
    "刚买的电暖器现在还在冒烟，商家说可以退",
    "打了120二十分钟了，救护车到哪里了？人还在地上",
  ])("leaves the danger in %s", (text) => {
    expect(dangerIsCancelled(text)).toBe(false);
  });

  it("takes an event of last week as past, unless it is happening now", () => {
    expect(dangerIsPast("上周电梯困人了")).toBe(true);
    expect(dangerIsPast("上周电梯就困过人，刚才又困住了")).toBe(false);
  });
});
