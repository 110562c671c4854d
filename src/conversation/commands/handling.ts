// 办理 and 反馈: deputies and staff claim a ticket, log progress, answer the resident, and close it.
import { changeTicket } from "../../tickets/change-ticket.ts";
import { CLOSE_REASON_LABEL, isOpen, OPEN_STATUSES, type CloseReason } from "../../tickets/ticket-status.ts";
import { closedNote } from "../../wording/audit-notes.ts";
import { COMMAND_WORDING } from "../../wording/command-wording.ts";
import { alreadyClosedReply } from "../../wording/refusals.ts";
import { ticketClosedReply } from "../../wording/ticket-closed.ts";
import {
  alreadyClaimedReply,
  answeredReply,
  claimedReply,
  heldByOtherReply,
  noSuchHandlerReply,
  progressReply,
  releasedReply,
  transferredReply,
} from "../../wording/ticket-updates.ts";
import { notReporterReply } from "../../wording/refusals.ts";
import { followerIds, type FoundTicket } from "../find-ticket.ts";
import { recordEvent, senderMention, type MessageContext } from "../message-context.ts";
import { actorName, HANDLERS, STAFF, type Plan, type TicketCommand } from "./command.ts";

function closedAlready(ctx: MessageContext, t: FoundTicket): Plan {
  return { answer: alreadyClosedReply(t.number, senderMention(ctx.message)) };
}

/** The handler takes the ticket on if nobody has. */
function assigneeData(ctx: MessageContext, t: FoundTicket) {
  return t.assigneeId ? {} : { assigneeId: ctx.actor.id, assigneeName: actorName(ctx) };
}

export const claim: TicketCommand<Record<string, never>> = {
  verb: "claim",
  form: "ticket",
  words: ["认领"],
  roles: HANDLERS,
  wording: COMMAND_WORDING.claim,
  parse: () => ({}),
  run(ctx, t) {
    if (!isOpen(t.status)) return closedAlready(ctx, t);
    if (t.assigneeId === ctx.actor.id && t.status !== "received" && t.status !== "reopened")
      return { answer: alreadyClaimedReply(t.number, senderMention(ctx.message)) };
    // Someone else holds it: no silent take-over. The holder releases it, or staff transfer it; both are told.
    if (t.assigneeId && t.assigneeId !== ctx.actor.id && t.status !== "reopened") {
      const holder = t.assigneeName ?? t.assigneeId;
      return {
        answer: heldByOtherReply(t.number, holder, actorName(ctx), [...senderMention(ctx.message), t.assigneeId]),
      };
    }
    return {
      apply: async (tx) => {
        await changeTicket(tx, t.id, OPEN_STATUSES, {
          status: "assigned",
          assigneeId: ctx.actor.id,
          assigneeName: actorName(ctx),
        });
        await recordEvent(tx, ctx, t.id, {
          kind: "assigned",
          fromStatus: t.status,
          toStatus: "assigned",
        });
        return claimedReply(t.number, actorName(ctx), senderMention(ctx.message));
      },
    };
  },
};

export const progress: TicketCommand<{ note: string }> = {
  verb: "progress",
  form: "ticket",
  words: ["进展"],
  roles: HANDLERS,
  wording: COMMAND_WORDING.progress,
  parse: (rest) => (rest ? { note: rest } : null),
  run(ctx, t, c) {
    if (!isOpen(t.status)) return closedAlready(ctx, t);
    return {
      apply: async (tx) => {
        await changeTicket(tx, t.id, OPEN_STATUSES, { status: "in_progress", ...assigneeData(ctx, t) });
        await recordEvent(tx, ctx, t.id, {
          kind: "progress",
          fromStatus: t.status,
          toStatus: "in_progress",
          note: c.note,
        });
        return progressReply(t.number, actorName(ctx), c.note, senderMention(ctx.message));
      },
    };
  },
};

/** 答复: the resident is told the result or the plan; this meets the feedback deadline. */
export const reply: TicketCommand<{ note: string }> = {
  verb: "reply",
  form: "ticket",
  words: ["答复", "反馈"],
  roles: HANDLERS,
  wording: COMMAND_WORDING.reply,
  parse: (rest) => (rest ? { note: rest } : null),
  run(ctx, t, c) {
    if (!isOpen(t.status)) return closedAlready(ctx, t);
    return {
      apply: async (tx) => {
        await changeTicket(tx, t.id, OPEN_STATUSES, { status: "replied", ...assigneeData(ctx, t) });
        await recordEvent(tx, ctx, t.id, { kind: "replied", fromStatus: t.status, toStatus: "replied", note: c.note });
        return answeredReply(t.number, actorName(ctx), c.note, followerIds(t));
      },
    };
  },
};

/** "未解决 …", "不属于街道职责 …", "重复 …" at the start name the outcome; anything else is fixed. */
function closeReasonOf(note: string): { reason: CloseReason; note: string } {
  const rules: Array<[RegExp, CloseReason]> = [
    [/^(未解决|未能解决|无法解决)[:：，,。\s]*/, "not_fixed"],
    [/^(非本级职责|非职责范围|不属于[^，,。\s]*)[:：，,。\s]*/, "not_ours"],
    [/^(重复反映|重复)[:：，,。\s]*/, "duplicate"],
  ];
  for (const [re, reason] of rules) {
    const m = re.exec(note);
    if (m) return { reason, note: note.slice(m[0].length).trim() || m[1]! };
  }
  return { reason: "fixed", note };
}

export const close: TicketCommand<{ reason: CloseReason; note: string }> = {
  verb: "close",
  form: "ticket",
  words: ["办结"],
  roles: HANDLERS,
  wording: COMMAND_WORDING.close,
  parse: (rest) => closeReasonOf(rest),
  run(ctx, t, c) {
    if (!isOpen(t.status)) return closedAlready(ctx, t);
    return {
      apply: async (tx) => {
        await changeTicket(tx, t.id, OPEN_STATUSES, {
          status: "closed",
          closeReason: c.reason,
          closedAt: ctx.at,
          ...assigneeData(ctx, t),
        });
        await recordEvent(tx, ctx, t.id, {
          kind: "closed",
          fromStatus: t.status,
          toStatus: "closed",
          note: closedNote(CLOSE_REASON_LABEL[c.reason], c.note),
        });
        return ticketClosedReply({
          number: t.number,
          reason: c.reason,
          note: c.note,
          who: actorName(ctx),
          askRating: true,
          mention: followerIds(t),
        });
      },
    };
  },
};

/** 释放: the holder (or staff) gives a claimed ticket back, so someone else may claim it. */
export const release: TicketCommand<Record<string, never>> = {
  verb: "release",
  form: "ticket",
  words: ["释放", "退回认领"],
  roles: HANDLERS,
  wording: COMMAND_WORDING.release,
  parse: () => ({}),
  run(ctx, t) {
    if (!isOpen(t.status)) return closedAlready(ctx, t);
    const mention = senderMention(ctx.message);
    if (t.assigneeId !== ctx.actor.id && ctx.actor.role !== "staff") {
      return { answer: notReporterReply(COMMAND_WORDING.release.label, t.number, mention, "认领人或工作人员") };
    }
    return {
      apply: async (tx) => {
        await changeTicket(tx, t.id, OPEN_STATUSES, { status: "received", assigneeId: null, assigneeName: null });
        await recordEvent(tx, ctx, t.id, { kind: "released", fromStatus: t.status, toStatus: "received" });
        return releasedReply(t.number, actorName(ctx), [
          ...new Set([...mention, ...(t.assigneeId ? [t.assigneeId] : [])]),
        ]);
      },
    };
  },
};

/** 转办: staff give a ticket to a named deputy or staff member of the group; the old and new holders are told. */
export const transfer: TicketCommand<{ to: string }> = {
  verb: "transfer",
  form: "ticket",
  words: ["转办", "转交"],
  roles: STAFF,
  wording: COMMAND_WORDING.transfer,
  parse(rest) {
    const to = rest
      .replace(/^(?:给|到|交给|由)\s*/u, "")
      .replace(/(?:办理|处理|负责)$/u, "")
      .trim();
    return to ? { to } : null;
  },
  async run(ctx, t, c) {
    if (!isOpen(t.status)) return closedAlready(ctx, t);
    const mention = senderMention(ctx.message);
    const name = c.to.replace(/^@/u, "");
    const member = ctx.group
      ? await ctx.deps.db.member.findFirst({
          where: { groupId: ctx.group.id, OR: [{ name }, { platformUserId: name }] },
          select: { platformUserId: true, name: true },
        })
      : null;
    if (!member) return { answer: noSuchHandlerReply(name, mention) };
    return {
      apply: async (tx) => {
        await changeTicket(tx, t.id, OPEN_STATUSES, {
          status: "assigned",
          assigneeId: member.platformUserId,
          assigneeName: member.name,
        });
        await recordEvent(tx, ctx, t.id, {
          kind: "assigned",
          fromStatus: t.status,
          toStatus: "assigned",
          note: `转办给${member.name}`,
        });
        const told = [...mention, member.platformUserId, ...(t.assigneeId ? [t.assigneeId] : [])];
        return transferredReply(t.number, t.assigneeName, member.name, [...new Set(told)]);
      },
    };
  },
};
