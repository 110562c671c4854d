import { describe, expect, it } from "vitest";
import { trainTextModel } from "../../../src/understanding/model/text-model.ts";
import { TfidfVectorizer } from "../../../src/understanding/model/tfidf-vectorizer.ts";
import { linearScores, trainLinearSvm } from "../../../src/understanding/model/linear-svm.ts";
import { FusedTextScorer } from "../../../src/understanding/model/fused-text-scorer.ts";

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
    expect(trainTextModel(examples, { minDf: 1 }).rank("路灯")).toEqual(
      trainTextModel(examples, { minDf: 1 }).rank("路灯"),
    );
  });
});

describe("the fused scorer behind best() and rank()", () => {
  const examples = [
    ...["路灯坏了", "路灯不亮", "晚上路灯太暗", "楼道灯坏了", "灯灯灯灯灯灯灯灯"].map((text) => ({
      text,
      label: "light",
    })),
    ...["井盖坏了", "下水道堵了", "雨水井堵塞", "污水管道堵"].map((text) => ({ text, label: "drain" })),
    ...["楼下烧烤油烟大", "半夜噪音扰民", "广场舞太吵了"].map((text) => ({ text, label: "noise" })),
  ];
  const vectorizer = TfidfVectorizer.fit(
    examples.map((e) => e.text),
    { minDf: 1 },
  );
  const model = trainLinearSvm(
    examples.map((e) => vectorizer.transform(e.text)),
    examples.map((e) => e.label),
    vectorizer.dimensions,
  );
  const scorer = new FusedTextScorer(vectorizer, model);

  it("gives the same scores as transforming the text and asking the model, repeated n-grams and unknown text included", () => {
    for (const text of [
      "小区路灯坏了好几天",
      "灯灯灯灯灯灯灯灯灯灯灯灯",
      "下水道堵了，井盖也坏了",
      "完全无关的话",
      "",
    ]) {
      const fused = new Float64Array(model.labels.length);
      scorer.scores(text, fused);
      const reference = linearScores(model, vectorizer.transform(text));
      for (let c = 0; c < fused.length; c++) expect(fused[c]).toBeCloseTo(reference[c]!, 5);
    }
  });

  it("names the same label as the top of the ranking", () => {
    const m = trainTextModel(examples, { minDf: 1 });
    for (const text of ["楼道灯不亮", "污水井又堵了", "烧烤店噪音"]) expect(m.best(text)).toEqual(m.rank(text)[0]);
  });
});
