// What "understanding a message" returns, and the interface every classifier implements (the offline
// model now; an LLM-backed one later).

export interface Classification {
  /** False for thanks, greetings and chat: no ticket is opened. */
  isIssue: boolean;
  /** First level, aligned with government practice (e.g. 城乡建设). Empty when not an issue. */
  categoryL1: string;
  /** Second level, street-level matters (e.g. 路灯照明). Empty when not an issue. */
  categoryL2: string;
  /** Probability the model gives its decision, 0..1. */
  confidence: number;
  /** Which classifier decided, e.g. "offline-tfidf-softmax". Stored on the ticket. */
  decidedBy: string;
}

export interface Classifier {
  readonly name: string;
  classify(text: string): Promise<Classification>;
}
