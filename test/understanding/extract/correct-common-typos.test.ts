// Everyday homophone slips are read as what they stand for; everything else is left as written.
import { describe, expect, it } from "vitest";
import { correctCommonTypos } from "../../../src/understanding/extract/correct-common-typos.ts";
import { assessDanger } from "../../../src/understanding/extract/danger/assess-danger.ts";

describe("reading everyday typing slips", () => {
  it.each([
    ["3号楼的电悌又坏了", "3号楼的电梯又坏了"],
    ["厨房一股燃汽味", "厨房一股燃气味"],
    ["老人在楼道里晕到了", "老人在楼道里晕倒了"],
    ["奶奶摔到在地上起不来", "奶奶摔倒在地上起不来"],
    ["叫他半天也没反映", "叫他半天也没反应"],
  ])("reads %s as %s", (slip, right) => {
    expect(correctCommonTypos(slip)).toBe(right);
  });

  it.each(["孩子摔到头了", "我想反映一下路灯的问题", "我到了小区门口", "居民没反映过这个问题"])(
    "leaves %s as it is",
    (text) => {
      expect(correctCommonTypos(text)).toBe(text);
    },
  );

  it("lets a danger typed with a slip be found", () => {
    expect(assessDanger("有个老人晕到在路边了")).toBeNull(); // the rules know only the right word …
    expect(assessDanger(correctCommonTypos("有个老人晕到在路边了"))?.advice).toBe("medical"); // … and now read it
  });
});
