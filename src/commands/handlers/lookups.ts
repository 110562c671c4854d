// Read-only answers: 查询 #编号, 我的工单, 统计, 联系册.
import { shanghaiMonth } from "../../calendar/shanghai-time.ts";
import { contactBook } from "../../deputies/contact-book.ts";
import type { OutboundBody } from "../../outbound/reply-route.ts";
import { senderMention, type MessageContext } from "../../pipeline/message-context.ts";
import type { FoundTicket } from "../../pipeline/find-ticket.ts";
import { contactBookReply } from "../../replies/contact-book.ts";
import { myTicketsReply } from "../../replies/my-tickets.ts";
import { statsReply } from "../../replies/stats-summary.ts";
import { ticketCard } from "../../replies/ticket-card.ts";
import { loopFigures } from "../../stats/loop-figures.ts";
import { AWAITING_FEEDBACK, OPEN_STATUSES, type TicketStatus } from "../../tickets/ticket-status.ts";
import { actorName, type Plan } from "./plan.ts";

/** Events worth showing a resident, and how to say them. */
const STEP_WORDS: Record<string, string> = {
  assigned: "认领",
  progress: "进展",
  replied: "答复",
  closed: "办结",
  reopened: "重新办理",
  follow_up: "补充",
  merged: "合并",
};

export async function query(ctx: MessageContext, t: FoundTicket): Promise<Plan> {
  const { db } = ctx.deps;
  const [events, mergedInto] = await Promise.all([
    db.ticketEvent.findMany({ where: { ticketId: t.id, kind: { in: Object.keys(STEP_WORDS) } }, orderBy: { id: "desc" }, take: 5 }),
    t.mergedIntoId ? db.ticket.findUnique({ where: { id: t.mergedIntoId }, select: { number: true } }) : null,
  ]);
  const steps = events.reverse().map((e) => ({ at: e.createdAt, who: e.actorName ?? STEP_WORDS[e.kind]!, what: `${STEP_WORDS[e.kind]}${e.note ? ` ${e.note}` : ""}` }));
  return { answer: ticketCard({ ...t, mergedIntoNumber: mergedInto?.number ?? null, steps }, ctx.at, senderMention(ctx.message)) };
}

export async function mine(ctx: MessageContext): Promise<OutboundBody> {
  const handler = ctx.actor.role !== "resident";
  const scope = ctx.group ? { groupId: ctx.group.id } : {};
  const tickets = await ctx.deps.db.ticket.findMany({
    where: handler
      ? { ...scope, assigneeId: ctx.actor.id, status: { in: [...OPEN_STATUSES] } }
      : { ...scope, followers: { some: { platformUserId: ctx.actor.id } } },
    orderBy: { id: "desc" },
    take: 10,
    select: { number: true, text: true, status: true, closeReason: true, feedbackDueAt: true },
  });
  const lines = tickets.map((t) => ({
    ...t,
    overdue: !!t.feedbackDueAt && t.feedbackDueAt < ctx.at && (AWAITING_FEEDBACK as readonly string[]).includes(t.status as TicketStatus),
  }));
  return myTicketsReply({ handler, tickets: lines, mention: senderMention(ctx.message) });
}

export async function stats(ctx: MessageContext): Promise<OutboundBody> {
  const { db } = ctx.deps;
  const { start, end } = shanghaiMonth(ctx.at);
  const scope = ctx.group ? { groupId: ctx.group.id } : {};
  const [month, total] = await Promise.all([
    loopFigures(db, { ...scope, from: start, to: end }, ctx.at),
    loopFigures(db, scope, ctx.at),
  ]);
  return statsReply({ groupName: ctx.group?.name ?? "全部群", month, total, mention: senderMention(ctx.message) });
}

export async function deputyContactBook(ctx: MessageContext): Promise<OutboundBody> {
  const book = await contactBook(ctx.deps.db, ctx.actor.id);
  return contactBookReply({ who: actorName(ctx), ...book, mention: senderMention(ctx.message) });
}
