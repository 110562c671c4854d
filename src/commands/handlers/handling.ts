// 办理 and 反馈: deputies and staff claim a ticket, log progress, answer the resident, and close it.
import { recordEvent, senderMention, type MessageContext } from "../../pipeline/message-context.ts";
import { followerIds, type FoundTicket } from "../../pipeline/find-ticket.ts";
import { wrongStateReply } from "../../replies/refusals.ts";
import { ticketClosedReply } from "../../replies/ticket-closed.ts";
import { alreadyClaimedReply, answeredReply, claimedReply, progressReply } from "../../replies/ticket-updates.ts";
import { isOpen, OPEN_STATUSES } from "../../tickets/ticket-status.ts";
import type { CommandOf } from "../command.ts";
import { actorName, changeTicket, type Plan } from "./plan.ts";

function closedAlready(ctx: MessageContext, t: FoundTicket): Plan {
  return { answer: wrongStateReply(t.number, ` 已办结。如需重新办理，请工作人员发送“重办 #${t.number} 原因”。`, senderMention(ctx.message)) };
}

/** The handler takes the ticket on if nobody has. */
function assigneeData(ctx: MessageContext, t: FoundTicket) {
  return t.assigneeId ? {} : { assigneeId: ctx.actor.id, assigneeName: actorName(ctx) };
}

export function claim(ctx: MessageContext, t: FoundTicket): Plan {
  if (!isOpen(t.status)) return closedAlready(ctx, t);
  if (t.assigneeId === ctx.actor.id && t.status !== "received" && t.status !== "reopened") return { answer: alreadyClaimedReply(t.number, senderMention(ctx.message)) };
  return {
    apply: async (tx) => {
      await changeTicket(tx, t.id, OPEN_STATUSES, { status: "assigned", assigneeId: ctx.actor.id, assigneeName: actorName(ctx) });
      await recordEvent(tx, ctx, t.id, { kind: "assigned", fromStatus: t.status, toStatus: "assigned", note: actorName(ctx) });
      return claimedReply(t.number, actorName(ctx), senderMention(ctx.message));
    },
  };
}

export function progress(ctx: MessageContext, t: FoundTicket, c: CommandOf<"progress">): Plan {
  if (!isOpen(t.status)) return closedAlready(ctx, t);
  return {
    apply: async (tx) => {
      await changeTicket(tx, t.id, OPEN_STATUSES, { status: "in_progress", ...assigneeData(ctx, t) });
      await recordEvent(tx, ctx, t.id, { kind: "progress", fromStatus: t.status, toStatus: "in_progress", note: c.note });
      return progressReply(t.number, actorName(ctx), c.note, senderMention(ctx.message));
    },
  };
}

/** 答复: the resident is told the result or the plan; this meets the feedback deadline. */
export function answer(ctx: MessageContext, t: FoundTicket, c: CommandOf<"reply">): Plan {
  if (!isOpen(t.status)) return closedAlready(ctx, t);
  return {
    apply: async (tx) => {
      await changeTicket(tx, t.id, OPEN_STATUSES, { status: "replied", ...assigneeData(ctx, t) });
      await recordEvent(tx, ctx, t.id, { kind: "replied", fromStatus: t.status, toStatus: "replied", note: c.note });
      return answeredReply(t.number, actorName(ctx), c.note, followerIds(t));
    },
  };
}

export function close(ctx: MessageContext, t: FoundTicket, c: CommandOf<"close">): Plan {
  if (!isOpen(t.status)) return closedAlready(ctx, t);
  return {
    apply: async (tx) => {
      await changeTicket(tx, t.id, OPEN_STATUSES, { status: "closed", closeReason: c.reason, closedAt: ctx.at, ...assigneeData(ctx, t) });
      await recordEvent(tx, ctx, t.id, { kind: "closed", fromStatus: t.status, toStatus: "closed", note: `${c.reason}${c.note ? `：${c.note}` : ""}` });
      return ticketClosedReply({ number: t.number, reason: c.reason, note: c.note, who: actorName(ctx), askRating: true, mention: followerIds(t) });
    },
  };
}
