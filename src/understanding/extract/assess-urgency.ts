// Urgency from what the message says, in the spirit of 接诉即办: danger to people and water, power, gas
// or heating outages go to 即时转办 (immediate transfer); matters that touch the elderly, children or
// other vulnerable people are handled with priority. Signals are returned so staff see why.

export type Urgency = "immediate" | "priority" | "normal";

export interface UrgencyAssessment {
  urgency: Urgency;
  /** The words that decided, e.g. ["漏电", "老人"]. */
  signals: string[];
}

const DANGER =
  /(?:漏电|触电|电线裸露|起火|着火|火灾|冒烟|燃气泄漏|煤气泄漏|煤气味|燃气味|爆炸|倒塌|坍塌|塌陷|要塌|掉下来|砸到|砸伤|摇摇欲坠|井盖(?:丢|没了|缺失|破损)|溺水|被困|困在电梯|电梯困人|有人受伤|危及生命|生命危险)/gu;
const OUTAGE = /(?:停水|断水|没水|停电|断电|没电|停气|断气|没有燃气|停暖|暖气不热|没有暖气)/gu;
const VULNERABLE = /(?:老人|老年人|独居|高龄|孩子|儿童|小孩|婴儿|学生|孕妇|残疾|瘫痪|病人|卧床)/gu;

function matches(text: string, re: RegExp): string[] {
  return [...new Set([...text.matchAll(re)].map((m) => m[0]))];
}

export function assessUrgency(text: string): UrgencyAssessment {
  const danger = matches(text, DANGER);
  const outage = matches(text, OUTAGE);
  const vulnerable = matches(text, VULNERABLE);
  if (danger.length > 0 || outage.length > 0)
    return { urgency: "immediate", signals: [...danger, ...outage, ...vulnerable] };
  if (vulnerable.length > 0) return { urgency: "priority", signals: vulnerable };
  return { urgency: "normal", signals: [] };
}
