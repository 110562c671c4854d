// What a danger is, and how a hazard that finds one is described (hazards-*.ts).

export type Advice = "gas" | "fire" | "medical" | "police" | "lift" | "electric" | "collapse" | "flood" | "rescue";

export interface Danger {
  /** What the danger is, in words staff read, e.g. "燃气泄漏". */
  reason: string;
  /** Null when the kind of danger is not known (an LLM judged it urgent): the general advice line. */
  advice: Advice | null;
  /** Where the matter belongs (a level2 of assets/taxonomy.json): the danger decides the category. */
  level2: string;
}

export interface Hazard extends Danger {
  advice: Advice;
  /** Any of these says the hazard is there. */
  cues: RegExp;
  /** The hazard's own "not really": e.g. a lift with nobody in it. */
  unless?: RegExp;
  /**
   * Words that say a condition keeps recurring ("瓷砖老往下掉"): a past event then shows the danger is still
   * there, not that it is over. Only for conditions; a recurring event (a lift that often traps people) is
   * not a danger until it happens again.
   */
  recurring?: RegExp;
}
