// The shipped model on messages written differently from its training examples.
import { describe, expect, it } from "vitest";
import {
  CHAT_LEVEL1_BELOW,
  LEARNED_URGENT_REASON,
  OfflineClassifier,
} from "../../../src/understanding/classify/offline-classifier.ts";
import { assessDanger } from "../../../src/understanding/extract/danger/assess-danger.ts";
import { parseTaxonomy } from "../../../src/understanding/classify/taxonomy.ts";
import { NaiveBayes } from "../../../scripts/eval/naive-bayes.ts";
import { charNgrams, normalizeText } from "../../../src/understanding/model/char-ngrams.ts";

const classifier = OfflineClassifier.fromFiles();

describe("the offline classifier", () => {
  it.each([
    ["3号楼前面的路灯坏了，晚上漆黑一片", "城乡建设", "路灯照明"],
    ["下水道堵了，污水漫到路上", "城乡建设", "排水管网"],
    ["小区里车位不够，天天有人乱停车", "交通运输", "停车管理"],
    ["我们楼想装电梯，怎么申请", "城乡建设", "老旧小区改造"],
    ["孩子上学的学位问题，学区太远", "教育文体", "入学学位"],
    ["工地半夜还在打桩，吵得人睡不着觉", "环境保护", "噪声扰民"],
    ["楼上漏水到我家，和邻居吵了起来", "政法", "矛盾纠纷"],
  ])("files %s under %s / %s", async (text, l1, l2) => {
    const c = await classifier.classify(text);
    expect(c).toMatchObject({ isIssue: true, categoryL1: l1, categoryL2: l2, decidedBy: "offline-tfidf-svm" });
    expect(c.confidence).toBeGreaterThan(1 / 33); // above chance among 33 labels
  });

  it.each([
    ["请问加装电梯要准备什么材料", "咨询"],
    ["家里老人摔倒了，请社区帮帮忙", "求助"],
    ["物业太不负责了，电梯坏了一个月没人修，强烈投诉", "投诉"],
    ["举报有人在楼顶违章搭建", "举报"],
    ["建议在小区门口加一个公交站", "建议"],
  ])("tells the request type of %s: %s", async (text, type) => {
    const c = await classifier.classify(text);
    expect(c.requestType).toBe(type);
    expect(c.requestTypeConfidence).toBeGreaterThan(0.2);
  });

  it.each([
    ["信号太差了，在家里打电话都要跑到阳台上", "投诉"],
    ["楼下棋牌室天天半夜吵到两点", "投诉"],
    ["快递总是扔在门口不送上楼", "投诉"],
  ])("learns from the chat matters that a nuisance told is a complaint: %s", (text, type) => {
    const handWrittenOnly = OfflineClassifier.fromFiles(undefined, undefined, undefined, null).requestTypeOf(text);
    expect(handWrittenOnly.requestType).not.toBe(type);
    expect(classifier.requestTypeOf(text).requestType).toBe(type);
  });

  it("learns from the chat cases that a message about one's day is chat, which the street-level rows alone take for a matter", () => {
    const text = "刚从菜市场回来，今天的鱼挺新鲜";
    expect(OfflineClassifier.fromFiles(undefined, undefined, undefined, null).classifySync(text).isIssue).toBe(true);
    expect(classifier.classifySync(text)).toMatchObject({
      isIssue: false,
      bestIssue: { categoryL1: expect.any(String) },
    });
  });

  it.each([
    "楼下有个老头躺在花坛边上一动也不动，嘴唇发白",
    "有个小伙子在河里扑腾，看着快不行了",
    "隔壁工地的墙整面倒下来了，下面好像有工人",
  ])("hears an emergency the danger rules have no words for in %s, and takes it for an issue", async (text) => {
    expect(assessDanger(text)).toBeNull();
    expect(await classifier.classify(text)).toMatchObject({ isIssue: true, urgentReason: LEARNED_URGENT_REASON });
  });

  it.each(["电梯年检什么时候做", "楼上漏水了", "谢谢大家，孩子找到了", "明天停电检修"])(
    "hears no emergency in %s",
    async (text) => {
      expect((await classifier.classify(text)).urgentReason).toBeUndefined();
    },
  );

  it("hears no emergency without urgency examples to learn from", async () => {
    const plain = OfflineClassifier.fromFiles(undefined, undefined, undefined, null);
    expect((await plain.classify("有个小伙子在河里扑腾，看着快不行了")).urgentReason).toBeUndefined();
  });

  it.each([
    ["村里的账目好几年没公开了", "农村农业", "村务管理"],
    ["河里的鱼都死了", "环境保护", "污染排放"],
  ])(
    "takes the first level of %s from the chat matters when the street-level model is unsure, the level2 within it",
    (text, l1, l2) => {
      const streetOnly = OfflineClassifier.fromFiles(undefined, undefined, undefined, null).classifySync(text);
      expect(streetOnly.categoryL1).not.toBe(l1);
      const c = classifier.classifySync(text);
      expect(c).toMatchObject({ categoryL1: l1, categoryL2: l2 });
      expect(c.confidence).toBeLessThan(CHAT_LEVEL1_BELOW); // still unsure: staff confirm it
    },
  );

  it("keeps the street-level model's category where it is sure (a category staff corrected stays theirs)", () => {
    const text = "物业把绿地改成了停车位";
    const streetOnly = OfflineClassifier.fromFiles(undefined, undefined, undefined, null).classifySync(text);
    expect(streetOnly.confidence).toBeGreaterThanOrEqual(CHAT_LEVEL1_BELOW);
    expect(classifier.classifySync(text).categoryL2).toBe(streetOnly.categoryL2);
  });

  it.each(["谢谢代表的帮助！", "大家好呀", "收到，辛苦了", ""])("opens no ticket for %j", async (text) => {
    expect((await classifier.classify(text)).isIssue).toBe(false);
  });

  it("gives, with a message it takes for chat, the issue and the request type it would be, for the rules to keep", async () => {
    const c = await classifier.classify("谢谢代表的帮助！");
    expect(c).toMatchObject({ isIssue: false, requestType: null });
    expect(c.bestIssue?.categoryL2).toBeTruthy();
    expect(c.bestIssue?.requestType).toMatch(/^(?:咨询|求助|投诉|举报|建议)$/u);
  });

  it("refuses training labels that are not in the taxonomy", () => {
    const taxonomy = parseTaxonomy({
      nonIssueLabel: "非诉求",
      categories: [{ level1: "城乡建设", level2: ["路灯照明"] }],
    });
    expect(() => new OfflineClassifier(taxonomy, [{ text: "x", label: "停车管理" }])).toThrow(/not in the taxonomy/);
  });
});

describe("naive Bayes", () => {
  it("returns probabilities that sum to one and prefer the label whose words it has seen", () => {
    const model = NaiveBayes.train([
      { features: ["a", "b"], label: "x" },
      { features: ["c", "d"], label: "y" },
    ]);
    const p = model.predict(["a", "a", "b"]);
    expect(p.label).toBe("x");
    expect(p.ranking.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 10);
  });
});

describe("character n-grams", () => {
  it("normalize full-width characters and drop punctuation and spaces", () => {
    expect(normalizeText("ＡＢ１，路灯 坏了！")).toBe("ab1路灯坏了");
    expect(charNgrams("路灯坏")).toEqual(["路", "路灯", "灯", "灯坏", "坏"]);
  });
});
