import { describe, expect, it } from "vitest";
import { trainTextModel } from "../../src/understanding/text-model.ts";
import { TfidfVectorizer } from "../../src/understanding/tfidf-vectorizer.ts";

describe("the TF-IDF vectorizer", () => {
  const v = TfidfVectorizer.fit(["路灯坏了", "路灯不亮", "井盖坏了", "井盖丢了"], { minDf: 1 });

  it("gives full-width and half-width, upper and lower case, with or without punctuation the same vector", () => {
    const a = v.transform("ＡＢ路灯，坏了！");
    const b = v.transform("ab 路灯坏了");
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
  });

  it("returns unit-length vectors and nothing for text with no known n-gram", () => {
    const x = v.transform("路灯坏了");
    expect(x.values.reduce((s, val) => s + val * val, 0)).toBeCloseTo(1, 5);
    expect(v.transform("完全无关").indices.length).toBe(0);
  });
});

describe("the text model", () => {
  it("learns to tell two topics apart and ranks all labels with probabilities summing to one", () => {
    const examples = [
      ...["路灯坏了", "路灯不亮", "晚上路灯太暗", "楼道灯坏了"].map((text) => ({ text, label: "light" })),
      ...["井盖坏了", "下水道堵了", "雨水井堵塞", "污水管道堵"].map((text) => ({ text, label: "drain" })),
    ];
    const model = trainTextModel(examples, { minDf: 1 });
    const ranked = model.rank("小区路灯坏了好几天");
    expect(ranked[0]!.label).toBe("light");
    expect(model.rank("下水道又堵了")[0]!.label).toBe("drain");
    expect(ranked.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 6);
  });

  it("trains the same model twice from the same data (seeded)", () => {
    const examples = [
      { text: "路灯坏了", label: "a" },
      { text: "井盖坏了", label: "b" },
    ];
    expect(trainTextModel(examples, { minDf: 1 }).rank("路灯")).toEqual(trainTextModel(examples, { minDf: 1 }).rank("路灯"));
  });
});
