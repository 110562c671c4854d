// The default classifier: TF-IDF character n-grams → linear SVM with calibrated confidence (text-model.ts), trained at
// start-up (well under a second) from the labeled examples shipped in assets/training/. One model decides both "is this an issue at all"
// (the taxonomy's non-issue label) and the second-level category; the first level follows from the tree.
import { fileURLToPath } from "node:url";
import { REQUEST_TYPES, type Classification, type Classifier, type RequestType } from "./classifier.ts";
import { normalizeText } from "../model/char-ngrams.ts";
import { readExamples, type LabeledExample } from "./labeled-examples.ts";
import { trainTextModel, type TextModel } from "../model/text-model.ts";

/** The two trained models a classifier is made of (trained here or on another thread). */
export interface TrainedModels {
  category: TextModel;
  requestType: TextModel | null;
}
import { readTaxonomy, type Taxonomy } from "./taxonomy.ts";

export const DEFAULT_TAXONOMY_FILE = fileURLToPath(new URL("../../../assets/taxonomy.json", import.meta.url));
export const DEFAULT_TRAINING_FILE = fileURLToPath(
  new URL("../../../assets/training/street-level.jsonl", import.meta.url),
);
export const DEFAULT_REQUEST_TYPE_FILE = fileURLToPath(
  new URL("../../../assets/training/request-types.jsonl", import.meta.url),
);

export class OfflineClassifier implements Classifier {
  readonly name = "offline-tfidf-svm";
  private readonly model: TextModel;
  private readonly requestTypeModel: TextModel | null;

  /**
   * Trains here from `examples` (labels of the taxonomy) and `requestTypeExamples` (labeled 咨询 / 求助 / 投诉 /
   * 举报 / 建议; without them requestType is null), or takes models trained elsewhere.
   */
  constructor(
    private readonly taxonomy: Taxonomy,
    examples: LabeledExample[] | TrainedModels,
    requestTypeExamples: LabeledExample[] = [],
  ) {
    if (!Array.isArray(examples)) {
      this.model = examples.category;
      this.requestTypeModel = examples.requestType;
      return;
    }
    checkExamples(taxonomy, examples, requestTypeExamples);
    this.requestTypeModel = requestTypeExamples.length > 0 ? trainTextModel(requestTypeExamples) : null;
    this.model = trainTextModel(examples);
  }

  static fromFiles(
    taxonomyFile = DEFAULT_TAXONOMY_FILE,
    trainingFiles = [DEFAULT_TRAINING_FILE],
    requestTypeFile = DEFAULT_REQUEST_TYPE_FILE,
  ): OfflineClassifier {
    return new OfflineClassifier(
      readTaxonomy(taxonomyFile),
      trainingFiles.flatMap(readExamples),
      readExamples(requestTypeFile),
    );
  }

  /** The request type of an issue, or null. */
  requestTypeOf(text: string): { requestType: RequestType | null; requestTypeConfidence: number } {
    const top = this.requestTypeModel?.best(text);
    return top
      ? { requestType: top.label as RequestType, requestTypeConfidence: top.probability }
      : { requestType: null, requestTypeConfidence: 0 };
  }

  classifySync(text: string): Classification {
    const none = { requestType: null, requestTypeConfidence: 0 };
    if (normalizeText(text) === "")
      return { isIssue: false, categoryL1: "", categoryL2: "", confidence: 1, decidedBy: this.name, ...none };
    const { label, probability } = this.model.best(text);
    if (label === this.taxonomy.nonIssueLabel) {
      const next = this.model.rank(text).find((r) => r.label !== this.taxonomy.nonIssueLabel);
      const bestIssue = next && {
        categoryL1: this.taxonomy.parentOf.get(next.label)!,
        categoryL2: next.label,
        confidence: next.probability,
        ...this.requestTypeOf(text),
      };
      return {
        isIssue: false,
        categoryL1: "",
        categoryL2: "",
        confidence: probability,
        decidedBy: this.name,
        ...none,
        ...(bestIssue ? { bestIssue } : {}),
      };
    }
    return {
      isIssue: true,
      categoryL1: this.taxonomy.parentOf.get(label)!,
      categoryL2: label,
      confidence: probability,
      decidedBy: this.name,
      ...this.requestTypeOf(text),
    };
  }

  async classify(text: string): Promise<Classification> {
    return this.classifySync(text);
  }
}

/** Every label must be one the classifier can answer with: a level2 of the taxonomy, or a request type. */
export function checkExamples(taxonomy: Taxonomy, examples: LabeledExample[], requestTypes: LabeledExample[]): void {
  for (const e of requestTypes) {
    if (!(REQUEST_TYPES as readonly string[]).includes(e.label))
      throw new Error(`request type "${e.label}" is not one of ${REQUEST_TYPES.join("/")}`);
  }
  for (const e of examples) {
    if (e.label !== taxonomy.nonIssueLabel && !taxonomy.parentOf.has(e.label))
      throw new Error(`training label "${e.label}" is not in the taxonomy`);
  }
}
