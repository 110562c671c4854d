// The default classifier: TF-IDF character n-grams → linear SVM with calibrated confidence (text-model.ts), trained at
// start-up (well under a second) from the labeled examples shipped in assets/training/. One model decides both "is this an issue at all"
// (the taxonomy's non-issue label) and the second-level category; the first level follows from the tree. A third
// model, learned from the project's labeled chat messages, says when a message sounds like an emergency the danger
// rules may not have words for (urgentReason 紧急求助); the analysis takes it only where the rules see nothing that
// cancels a danger (understanding/analyze-message.ts).
import { fileURLToPath } from "node:url";
import { REQUEST_TYPES, type Classification, type Classifier, type RequestType } from "./classifier.ts";
import { normalizeText } from "../model/char-ngrams.ts";
import { readExamples, type LabeledExample } from "./labeled-examples.ts";
import { trainTextModel, type TextModel } from "../model/text-model.ts";
import { readUrgencyExamples, URGENT } from "./urgency-examples.ts";

/** The trained models a classifier is made of (trained here or on another thread). */
export interface TrainedModels {
  category: TextModel;
  requestType: TextModel | null;
  /** "urgent" / "calm"; null when no urgency examples were given. */
  urgency: TextModel | null;
}

/** The reason given when the learned urgency model, not a rule, found the emergency. */
export const LEARNED_URGENT_REASON = "紧急求助";
/**
 * How sure the urgency model must be. Trained on our own cases only, at 0.85 it flagged no message of the shared
 * development set that is not urgent (precision 1.00, recall 0.87–0.90), and in leave-one-batch-out runs on our
 * own batches it found 0.80–1.00 of the dangers of the held-out batch (README, "the learned urgency model").
 */
export const URGENT_MODEL_THRESHOLD = 0.85;
import { readTaxonomy, type Taxonomy } from "./taxonomy.ts";

export const DEFAULT_TAXONOMY_FILE = fileURLToPath(new URL("../../../assets/taxonomy.json", import.meta.url));
export const DEFAULT_TRAINING_FILE = fileURLToPath(
  new URL("../../../assets/training/street-level.jsonl", import.meta.url),
);
export const DEFAULT_REQUEST_TYPE_FILE = fileURLToPath(
  new URL("../../../assets/training/request-types.jsonl", import.meta.url),
);
export const DEFAULT_URGENCY_FILE = fileURLToPath(
  new URL("../../../assets/training/chat-cases.jsonl", import.meta.url),
);

export class OfflineClassifier implements Classifier {
  readonly name = "offline-tfidf-svm";
  private readonly model: TextModel;
  private readonly requestTypeModel: TextModel | null;
  private readonly urgencyModel: TextModel | null;

  /**
   * Trains here from `examples` (labels of the taxonomy), `requestTypeExamples` (labeled 咨询 / 求助 / 投诉 /
   * 举报 / 建议; without them requestType is null) and `urgencyExamples` ("urgent" / "calm"; without them no
   * learned urgency), or takes models trained elsewhere.
   */
  constructor(
    private readonly taxonomy: Taxonomy,
    examples: LabeledExample[] | TrainedModels,
    requestTypeExamples: LabeledExample[] = [],
    urgencyExamples: LabeledExample[] = [],
  ) {
    if (!Array.isArray(examples)) {
      this.model = examples.category;
      this.requestTypeModel = examples.requestType;
      this.urgencyModel = examples.urgency;
      return;
    }
    checkExamples(taxonomy, examples, requestTypeExamples);
    this.requestTypeModel = requestTypeExamples.length > 0 ? trainTextModel(requestTypeExamples) : null;
    this.urgencyModel = urgencyExamples.length > 0 ? trainTextModel(urgencyExamples) : null;
    this.model = trainTextModel(examples);
  }

  static fromFiles(
    taxonomyFile = DEFAULT_TAXONOMY_FILE,
    trainingFiles = [DEFAULT_TRAINING_FILE],
    requestTypeFile = DEFAULT_REQUEST_TYPE_FILE,
    urgencyFile: string | null = DEFAULT_URGENCY_FILE,
  ): OfflineClassifier {
    return new OfflineClassifier(
      readTaxonomy(taxonomyFile),
      trainingFiles.flatMap(readExamples),
      readExamples(requestTypeFile),
      urgencyFile ? readUrgencyExamples(urgencyFile) : [],
    );
  }

  /** True when the learned urgency model is sure enough that the message is an emergency. */
  private soundsUrgent(text: string): boolean {
    const urgent = this.urgencyModel?.rank(text).find((r) => r.label === URGENT);
    return urgent !== undefined && urgent.probability >= URGENT_MODEL_THRESHOLD;
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
    const urgent = this.soundsUrgent(text) ? { urgentReason: LEARNED_URGENT_REASON } : {};
    // An emergency is an issue: the best issue category stands in for the category model's "not an issue".
    if (label === this.taxonomy.nonIssueLabel && !urgent.urgentReason) {
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
    const issue =
      label === this.taxonomy.nonIssueLabel
        ? (this.model.rank(text).find((r) => r.label !== this.taxonomy.nonIssueLabel) ?? { label, probability })
        : { label, probability };
    return {
      isIssue: true,
      categoryL1: this.taxonomy.parentOf.get(issue.label) ?? "",
      categoryL2: issue.label,
      confidence: issue.probability,
      decidedBy: this.name,
      ...this.requestTypeOf(text),
      ...urgent,
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
