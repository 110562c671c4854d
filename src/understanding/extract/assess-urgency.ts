// Urgency, in the spirit of 接诉即办: danger to life or safety (danger/assess-danger.ts) goes to 即时转办
// (immediate transfer) with its reason and advice; matters that touch the elderly, children or other
// vulnerable people are handled with priority. An outage (停水, 停电) is a matter to fix, not a danger in
// itself: it is urgent only when something dangerous comes with it (sparks, water in homes).
import { assessDanger } from "./danger/assess-danger.ts";
import type { Danger } from "./danger/danger.ts";

export type Urgency = "immediate" | "priority" | "normal";

export interface UrgencyAssessment {
  urgency: Urgency;
  /** The words that decided: the danger's reason, or the vulnerable people named. */
  signals: string[];
  danger: Danger | null;
}

const VULNERABLE = /(?:老人|老年人|独居|高龄|孩子|儿童|小孩|婴儿|学生|孕妇|残疾|瘫痪|病人|卧床)/gu;

export function assessUrgency(text: string): UrgencyAssessment {
  const danger = assessDanger(text);
  const vulnerable = [...new Set([...text.matchAll(VULNERABLE)].map((m) => m[0]))];
  if (danger) return { urgency: "immediate", signals: [danger.reason, ...vulnerable], danger };
  if (vulnerable.length > 0) return { urgency: "priority", signals: vulnerable, danger: null };
  return { urgency: "normal", signals: [], danger: null };
}
