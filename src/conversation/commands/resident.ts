// 评价: every resident affected by a matter (its reporter and those who reported the same matter later) may
// rate it, and "不满意" or "未解决" from any of them reopens it. Each resident's rating is kept on their own
// follower row (a second rating replaces their first), so the figures count every rater once; the ticket
// also keeps the reporter's, as shown in 查询.
// 撤回: only the reporter.
import { changeTicket } from "../../tickets/change-ticket.ts";
import { deadlinesFor } from "../../tickets/sla-policy.ts";
import { isOpen, OPEN_STATUSES } from "../../tickets/ticket-status.ts";
import { ratingReopenedNote, ratingSaid } from "../../wording/audit-notes.ts";
import { COMMAND_WORDING } from "../../wording/command-wording.ts";
import { closedNothingToWithdrawReply, notReporterReply, notYetClosedForRatingReply } from "../../wording/refusals.ts";
import { ratingRecordedReply } from "../../wording/ticket-closed.ts";
import { withdrawnReply } from "../../wording/ticket-updates.ts";
import { followerIds } from "../find-ticket.ts";
import { recordEvent, senderMention } from "../message-context.ts";
import { EVERYONE, type TicketCommand } from "./command.ts";

export const RATINGS = ["满意", "基本满意", "不满意"] as const;
export type Rating = (typeof RATINGS)[number];

function ratingOf(words: string): { resolved: boolean | null; rating: Rating | null } {
  const resolved = /(未解决|没解决|没有解决|没修好|还没好)/.test(words)
    ? false
    : /(已解决|解决了|修好了|已修好)/.test(words)
      ? true
      : null;
  // Longest first: "不满意" and "基本满意" both contain "满意".
  const rating = (["不满意", "基本满意", "满意"] as const).find((r) => words.includes(r)) ?? null;
  return { resolved, rating };
}

export const rate: TicketCommand<{ resolved: boolean | null; rating: Rating | null }> = {
  verb: "rate",
  form: "ticket",
  words: ["评价"],
  roles: EVERYONE, // checked against the ticket: those affected
  wording: COMMAND_WORDING.rate,
  parse(rest) {
    const r = ratingOf(rest);
    return r.rating || r.resolved !== null ? r : null;
  },
  run(ctx, t, c) {
    const mention = senderMention(ctx.message);
    if (!followerIds(t).includes(ctx.actor.id))
      return { answer: notReporterReply(COMMAND_WORDING.rate.label, t.number, mention, "反映该问题的居民") };
    const isReporter = t.reporterId === ctx.actor.id;
    if (t.status !== "closed" || t.mergedIntoId !== null)
      return { answer: notYetClosedForRatingReply(t.number, mention) };
    const reopens = c.rating === "不满意" || c.resolved === false;
    return {
      apply: async (tx) => {
        const rating = isReporter
          ? {
              ratedAt: ctx.at,
              ...(c.rating ? { rating: c.rating } : {}),
              ...(c.resolved !== null ? { resolved: c.resolved } : {}),
            }
          : {};
        const reopening = reopens
          ? {
              status: "reopened",
              closeReason: null,
              closedAt: null,
              ...deadlinesFor(ctx.deps.loop.sla, ctx.deps.loop.calendar, t, ctx.at),
            }
          : {};
        if (isReporter || reopens) await changeTicket(tx, t.id, ["closed"], { ...rating, ...reopening });
        const own = {
          ratedAt: ctx.at,
          ...(c.rating ? { rating: c.rating } : {}),
          ...(c.resolved !== null ? { resolved: c.resolved } : {}),
        };
        await tx.ticketFollower.upsert({
          where: { ticketId_platformUserId: { ticketId: t.id, platformUserId: ctx.actor.id } },
          update: own,
          create: {
            ticketId: t.id,
            platformUserId: ctx.actor.id,
            name: ctx.actor.name,
            via: "report",
            createdAt: ctx.at,
            ...own,
          },
        });
        const said = ratingSaid(c.resolved, c.rating);
        await recordEvent(tx, ctx, t.id, { kind: "rated", note: said });
        if (reopens)
          await recordEvent(tx, ctx, t.id, {
            kind: "reopened",
            fromStatus: "closed",
            toStatus: "reopened",
            note: ratingReopenedNote(said),
          });
        return ratingRecordedReply({
          number: t.number,
          rating: c.rating,
          resolved: c.resolved,
          reopened: reopens,
          mention: [...mention, ...(reopens && t.assigneeId ? [t.assigneeId] : [])],
        });
      },
    };
  },
};

export const withdraw: TicketCommand<Record<string, never>> = {
  verb: "withdraw",
  form: "ticket",
  words: ["撤回", "撤销"],
  roles: EVERYONE, // checked against the ticket: the reporter only
  wording: COMMAND_WORDING.withdraw,
  parse: () => ({}),
  run(ctx, t) {
    const mention = senderMention(ctx.message);
    if (t.reporterId !== ctx.actor.id)
      return { answer: notReporterReply(COMMAND_WORDING.withdraw.label, t.number, mention) };
    if (!isOpen(t.status)) return { answer: closedNothingToWithdrawReply(t.number, mention) };
    return {
      apply: async (tx) => {
        await changeTicket(tx, t.id, OPEN_STATUSES, { status: "closed", closeReason: "withdrawn", closedAt: ctx.at });
        await recordEvent(tx, ctx, t.id, { kind: "withdrawn", fromStatus: t.status, toStatus: "closed" });
        return withdrawnReply(t.number, mention);
      },
    };
  },
};
