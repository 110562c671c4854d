// Examples for the learned "is this a matter at all" model: the project's chat cases (isMatter) and the
// street-level rows, whose non-issue label (and staff's corrections to it, 改类 → 非诉求) means chat and every
// other label a matter. The street-level rows alone hold a few dozen non-issues; the chat cases hold hundreds of
// the greetings, notices, favours and replies a group really sends.
import type { LabeledExample } from "./labeled-examples.ts";

export const MATTER = "matter";
export const CHAT = "chat";

/** The street-level rows (and corrections) as matter / chat examples. */
export function matterExamplesOf(examples: LabeledExample[], nonIssueLabel: string): LabeledExample[] {
  return examples.map((e) => ({ text: e.text, label: e.label === nonIssueLabel ? CHAT : MATTER }));
}
