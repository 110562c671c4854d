// The deployment's classifier learns staff corrections: it retrains when new ones are stored, not
// otherwise, and concurrent refreshes coalesce.
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/infra/create-logger.ts";
import type { LabeledExample } from "../../../src/understanding/classify/labeled-examples.ts";
import { LearningClassifier } from "../../../src/understanding/classify/learning-classifier.ts";
import { DEFAULT_TRAINING_FILE, OfflineClassifier } from "../../../src/understanding/classify/offline-classifier.ts";
import { readExamples } from "../../../src/understanding/classify/labeled-examples.ts";
import { readTaxonomy } from "../../../src/understanding/classify/taxonomy.ts";
import { DEFAULT_TAXONOMY_FILE } from "../../../src/understanding/classify/offline-classifier.ts";

const TEXT = "楼下空地被人圈起来收费了";

describe("the classifier that learns corrections", () => {
  it("understands a corrected message after a refresh, and retrains only when corrections were added", async () => {
    const taxonomy = readTaxonomy(DEFAULT_TAXONOMY_FILE);
    const shipped = readExamples(DEFAULT_TRAINING_FILE);
    const store: LabeledExample[] = [];
    let trainings = 0;
    const c = await LearningClassifier.start(
      (corrections) => {
        trainings++;
        return new OfflineClassifier(taxonomy, [...shipped, ...corrections]);
      },
      async () => [...store],
      async () => store.length,
      createLogger("silent"),
    );
    expect((await c.classify(TEXT)).categoryL2).not.toBe("停车管理");
    await c.refresh();
    expect(trainings).toBe(1); // nothing stored: no retrain

    store.push({ text: TEXT, label: "停车管理" });
    await Promise.all([c.refresh(), c.refresh(), c.refresh()]);
    expect(trainings).toBe(2);
    expect(c.correctionsLearned).toBe(1);
    expect((await c.classify(TEXT)).categoryL2).toBe("停车管理");
  });
});
