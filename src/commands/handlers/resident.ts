// 评价 and 撤回: what only the resident who reported a matter may do. "不满意" or "未解决" reopens it.
import { recordEvent, senderMention, type MessageContext } from "../../pipeline/message-context.ts";
import type { FoundTicket } from "../../pipeline/find-ticket.ts";
import { notReporterReply, wrongStateReply } from "../../replies/refusals.ts";
import { ratingRecordedReply } from "../../replies/ticket-closed.ts";
import { withdrawnReply } from "../../replies/ticket-updates.ts";
import { deadlinesFor } from "../../sla/sla-policy.ts";
import { isOpen, OPEN_STATUSES } from "../../tickets/ticket-status.ts";
import type { CommandOf } from "../command.ts";
import { changeTicket, type Plan } from "./plan.ts";

export function rate(ctx: MessageContext, t: FoundTicket, c: CommandOf<"rate">): Plan {
  const mention = senderMention(ctx.message);
  if (t.reporterId !== ctx.actor.id) return { answer: notReporterReply("rate", t.number, mention) };
  if (t.status !== "closed" || t.mergedIntoId !== null) return { answer: wrongStateReply(t.number, " 还在办理中，办结后再请您评价。", mention) };
  const reopens = c.rating === "不满意" || c.resolved === false;
  return {
    apply: async (tx) => {
      const rating = { ratedAt: ctx.at, ...(c.rating ? { rating: c.rating } : {}), ...(c.resolved !== null ? { resolved: c.resolved } : {}) };
      const reopening = reopens ? { status: "reopened", closeReason: null, closedAt: null, ...deadlinesFor(ctx.deps.loop.sla, ctx.deps.loop.calendar, t, ctx.at) } : {};
      await changeTicket(tx, t.id, ["closed"], { ...rating, ...reopening });
      const said = [c.resolved === true ? "已解决" : c.resolved === false ? "未解决" : null, c.rating].filter(Boolean).join("，");
      await recordEvent(tx, ctx, t.id, { kind: "rated", note: said });
      if (reopens) await recordEvent(tx, ctx, t.id, { kind: "reopened", fromStatus: "closed", toStatus: "reopened", note: `居民评价：${said}` });
      return ratingRecordedReply({ number: t.number, rating: c.rating, resolved: c.resolved, reopened: reopens, mention: [...mention, ...(reopens && t.assigneeId ? [t.assigneeId] : [])] });
    },
  };
}

export function withdraw(ctx: MessageContext, t: FoundTicket): Plan {
  const mention = senderMention(ctx.message);
  if (t.reporterId !== ctx.actor.id) return { answer: notReporterReply("withdraw", t.number, mention) };
  if (!isOpen(t.status)) return { answer: wrongStateReply(t.number, " 已办结，无需撤回。", mention) };
  return {
    apply: async (tx) => {
      await changeTicket(tx, t.id, OPEN_STATUSES, { status: "closed", closeReason: "withdrawn", closedAt: ctx.at });
      await recordEvent(tx, ctx, t.id, { kind: "withdrawn", fromStatus: t.status, toStatus: "closed" });
      return withdrawnReply(t.number, mention);
    },
  };
}
