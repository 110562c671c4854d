// What "understanding a message" returns, and the interface every classifier implements (the offline
// model now; an LLM-backed one later).

export const REQUEST_TYPES = ["咨询", "求助", "投诉", "举报", "建议"] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export interface Classification {
  /** False for thanks, greetings and chat: no ticket is opened. */
  isIssue: boolean;
  /** First level, aligned with government practice (e.g. 城乡建设). Empty when not an issue. */
  categoryL1: string;
  /** Second level, street-level matters (e.g. 路灯照明). Empty when not an issue. */
  categoryL2: string;
  /** Probability the model gives its decision, 0..1. */
  confidence: number;
  /** 咨询 / 求助 / 投诉 / 举报 / 建议; null when not an issue (or when no model for it is available). */
  requestType: RequestType | null;
  /** Probability of the request type, 0..1 (0 when there is none). */
  requestTypeConfidence: number;
  /** Which classifier decided, e.g. "offline-tfidf-svm". Stored on the ticket. */
  decidedBy: string;
  /** The LLM judged it a present danger (the rules may not have): its reason. */
  urgentReason?: string;
  /** The LLM's place, verbatim from the message (used when the rules find none). */
  place?: string;
  /** The learned matter model's probability that the message is chat rather than a matter (offline model only;
   * absent when another classifier decided or no such model was trained). */
  chatProbability?: number;
  /** When the answer is "not an issue": the most probable issue category and request type all the same (for a
   * message the rules keep as a matter). */
  bestIssue?: {
    categoryL1: string;
    categoryL2: string;
    confidence: number;
    requestType: RequestType | null;
    requestTypeConfidence: number;
  };
}

export interface Classifier {
  readonly name: string;
  classify(text: string): Promise<Classification>;
}
