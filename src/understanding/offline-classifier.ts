// The default classifier: naive Bayes over character n-grams, trained at start-up (milliseconds) from
// the labeled examples shipped in assets/training/. One model decides both "is this an issue at all"
// (the taxonomy's non-issue label) and the second-level category; the first level follows from the tree.
import { fileURLToPath } from "node:url";
import { charNgrams } from "./char-ngrams.ts";
import type { Classification, Classifier } from "./classifier.ts";
import { readExamples, type LabeledExample } from "./labeled-examples.ts";
import { NaiveBayes } from "./naive-bayes.ts";
import { readTaxonomy, type Taxonomy } from "./taxonomy.ts";

export const DEFAULT_TAXONOMY_FILE = fileURLToPath(new URL("../../assets/taxonomy.json", import.meta.url));
export const DEFAULT_TRAINING_FILE = fileURLToPath(new URL("../../assets/training/street-level.jsonl", import.meta.url));

export class OfflineClassifier implements Classifier {
  readonly name = "offline-nb";
  private readonly model: NaiveBayes;

  constructor(
    private readonly taxonomy: Taxonomy,
    examples: LabeledExample[],
  ) {
    for (const e of examples) {
      if (e.label !== taxonomy.nonIssueLabel && !taxonomy.parentOf.has(e.label)) {
        throw new Error(`training label "${e.label}" is not in the taxonomy`);
      }
    }
    this.model = NaiveBayes.train(examples.map((e) => ({ features: charNgrams(e.text), label: e.label })));
  }

  static fromFiles(taxonomyFile = DEFAULT_TAXONOMY_FILE, trainingFiles = [DEFAULT_TRAINING_FILE]): OfflineClassifier {
    return new OfflineClassifier(readTaxonomy(taxonomyFile), trainingFiles.flatMap(readExamples));
  }

  classifySync(text: string): Classification {
    const features = charNgrams(text);
    if (features.length === 0) return { isIssue: false, categoryL1: "", categoryL2: "", confidence: 1, decidedBy: this.name };
    const { label, probability } = this.model.predict(features);
    if (label === this.taxonomy.nonIssueLabel) {
      return { isIssue: false, categoryL1: "", categoryL2: "", confidence: probability, decidedBy: this.name };
    }
    return { isIssue: true, categoryL1: this.taxonomy.parentOf.get(label)!, categoryL2: label, confidence: probability, decidedBy: this.name };
  }

  async classify(text: string): Promise<Classification> {
    return this.classifySync(text);
  }
}
