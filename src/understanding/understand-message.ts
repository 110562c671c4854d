// Everything the pipeline needs to know about a message: category (with a confidence and whether staff
// must confirm it), urgency with its signals, places and contact numbers.
import { assessUrgency, type Urgency } from "./extract/assess-urgency.ts";
import type { Classification, Classifier } from "./classify/classifier.ts";
import { extractContacts } from "./extract/extract-contacts.ts";
import { extractPlaces } from "./extract/extract-place.ts";

export interface Understanding extends Classification {
  /** Confidence below the review threshold: the category is shown as 待人工确认. */
  needsReview: boolean;
  urgency: Urgency;
  urgencySignals: string[];
  places: string[];
  /** Unmasked phone numbers: stored for staff, never posted. */
  contacts: string[];
}

export async function understandMessage(
  classifier: Classifier,
  text: string,
  reviewThreshold: number,
): Promise<Understanding> {
  const classification = await classifier.classify(text);
  const { urgency, signals } = assessUrgency(text);
  return {
    ...classification,
    needsReview: classification.isIssue && classification.confidence < reviewThreshold,
    urgency,
    urgencySignals: signals,
    places: extractPlaces(text),
    contacts: extractContacts(text),
  };
}
