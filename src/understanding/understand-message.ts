// What the conversation needs to know about a message: the analysis (analyze-message.ts, the same code
// `npm run analyze` runs) in the ticket's terms, and whether staff must confirm the category.
import { analyzeMessage, type Analysis, type AnalysisDeps } from "./analyze-message.ts";
import type { Classification } from "./classify/classifier.ts";
import type { Advice } from "./extract/danger/danger.ts";
import type { Urgency } from "./extract/assess-urgency.ts";
import type { NotAMatter } from "./extract/not-a-matter/not-a-matter.ts";

export interface Understanding extends Classification {
  /** Confidence below the review threshold: the category is shown as 待人工确认. */
  needsReview: boolean;
  urgency: Urgency;
  urgencySignals: string[];
  /** Which advice the resident gets at once when it is urgent (119, 120, 110, the gas company …). */
  advice: Advice | null;
  places: string[];
  /** The estate, landmark or road the place is in (the digest's 分社区). */
  community: string | null;
  /** Phone numbers left in the message, unmasked: stored for staff, never posted. */
  contacts: string[];
  /** The message with personal data masked: what any text shown to people is cut from. */
  masked: string;
  /** What it is when it is not a matter (a question the bot answers itself …). */
  notAMatter: NotAMatter | null;
  /**
   * Only the model took it for a matter, below the review threshold: ask the sender whether they want it
   * registered instead of opening a ticket nobody may want.
   */
  unsureIsMatter: boolean;
}

export function understandingOf(a: Analysis, reviewThreshold: number): Understanding {
  return {
    isIssue: a.isMatter,
    categoryL1: a.level1 ?? "",
    categoryL2: a.level2 ?? "",
    confidence: a.confidence,
    requestType: a.requestType,
    requestTypeConfidence: a.requestTypeConfidence,
    decidedBy: a.decidedBy,
    needsReview: a.isMatter && a.confidence < reviewThreshold,
    urgency: a.urgency,
    urgencySignals: a.urgencySignals,
    advice: a.danger?.advice ?? null,
    places: a.places,
    community: a.community,
    contacts: a.contacts,
    masked: a.masked,
    notAMatter: a.notAMatter,
    unsureIsMatter: a.matterBy === "model" && a.confidence < reviewThreshold,
  };
}

export async function understandMessage(
  deps: AnalysisDeps,
  text: string,
  reviewThreshold: number,
): Promise<Understanding> {
  return understandingOf(await analyzeMessage(deps, text), reviewThreshold);
}
