// A message that is not a command: a follow-up quoting a ticket, a new matter, the same matter again,
// or chat (thanks, greetings) that opens nothing.
import { notAnIssueReply } from "../wording/not-an-issue.ts";
import { quotedTicketNumbers } from "../tickets/ticket-number-pattern.ts";
import { isOpen } from "../tickets/ticket-status.ts";
import { understandInChat } from "./understand-in-chat.ts";
import { fillMissingPlace } from "./fill-missing-place.ts";
import { findRelatedTicket } from "./find-related-ticket.ts";
import { findTicket, followerIds } from "./find-ticket.ts";
import { markDone, relayedByDeputy, reply, senderMention, type MessageContext } from "./message-context.ts";
import { answerKnownQuestion } from "./answer-known-question.ts";
import { handleAttachment } from "./handle-attachment.ts";
import { openTicket } from "./open-ticket.ts";
import { answerConfirmation, askToConfirm, matterTextOf } from "./confirm-matter.ts";
import { appendFollowUp, linkFollower } from "./related-actions.ts";

export type MatterOutcome = "ticket" | "no-ticket" | "follow-up" | "duplicate";

export async function handleMatter(ctx: MessageContext): Promise<MatterOutcome> {
  if (ctx.message.attachment && ctx.message.text.trim() === "") return handleAttachment(ctx, ctx.message.attachment);
  const { db } = ctx.deps;
  const text = matterTextOf(ctx.message);
  const confirmed = await answerConfirmation(ctx, ctx.deps.loop.confirmWindowMs); // "是" to "需要登记吗？"
  if (confirmed) return confirmed;

  // "#2026-0007 今晚又不亮了": the reporter (or a deputy, or staff) adds to the ticket; another
  // resident quoting an open ticket says "me too". Another resident quoting a closed ticket raises the
  // matter anew, so their message goes on like any other report.
  const quoted = quotedTicketNumbers(ctx.message.text, { requireHash: true })[0];
  const ticket = quoted ? await findTicket(ctx, quoted) : null;
  if (ticket) {
    const involved = followerIds(ticket).includes(ctx.actor.id) || ctx.actor.role !== "resident";
    if (involved) return db.$transaction((tx) => appendFollowUp(tx, ctx, ticket, text));
    if (isOpen(ticket.status)) return db.$transaction((tx) => linkFollower(tx, ctx, ticket, text));
  }

  const understanding = await understandInChat(ctx, text); // outside the transaction: may be slow (LLM)
  if (understanding.isIssue) ctx.deps.metrics?.decisions.inc({ source: decisionSource(understanding.decidedBy) });
  const placeGiven = await fillMissingPlace(ctx, text, understanding); // the answer to "请问具体在哪…"
  if (placeGiven) return placeGiven;
  if (!understanding.isIssue) {
    const known = await answerKnownQuestion(ctx, understanding.notAMatter); // read before the transaction
    return db.$transaction(async (tx) => {
      await markDone(tx, ctx);
      await reply(tx, ctx, known ?? notAnIssueReply(text, senderMention(ctx.message)[0]));
      return "no-ticket" as const;
    });
  }

  // Only the model thought it a matter, and not surely: ask rather than open a ticket nobody may want. A
  // deputy relaying a resident's words has already decided that it is one.
  if (understanding.unsureIsMatter && !relayedByDeputy(ctx))
    return db.$transaction((tx) => askToConfirm(tx, ctx, understanding.masked));

  // An urgent matter always opens its own ticket: it is never folded into a calmer one (a gas leak is not
  // "the same matter" as a water outage in the same estate).
  const related =
    ctx.group && !relayedByDeputy(ctx) && understanding.urgency !== "immediate"
      ? await findRelatedTicket(db, {
          groupId: ctx.group.id,
          reporterId: ctx.message.sender.id,
          categoryL2: understanding.categoryL2,
          places: understanding.places,
          text,
          since: new Date(ctx.at.getTime() - ctx.deps.loop.relatedWindowDays * 86_400_000),
        })
      : null;
  if (related?.kind === "follow-up") return db.$transaction((tx) => appendFollowUp(tx, ctx, related.ticket, text));
  if (related?.kind === "duplicate") return db.$transaction((tx) => linkFollower(tx, ctx, related.ticket, text));
  return db.$transaction((tx) => openTicket(tx, ctx, text, understanding));
}

/** "danger", "keyword", "llm", "fallback" (the LLM failed, the offline model answered) or "offline". */
function decisionSource(decidedBy: string): string {
  if (decidedBy === "danger") return "danger";
  if (decidedBy.startsWith("keyword")) return "keyword";
  if (decidedBy.startsWith("llm:")) return "llm";
  return decidedBy.includes("fallback") ? "fallback" : "offline";
}
