// "我的工单" and "我反映的问题怎么样了？": a resident's own and followed tickets, or the open tickets a deputy
// or staff member holds, in this group (every group in a one-to-one chat), newest first.
import type { OutboundBody } from "../outbox/outbound-body.ts";
import { AWAITING_FEEDBACK, OPEN_STATUSES, type TicketStatus } from "../tickets/ticket-status.ts";
import { myTicketsReply } from "../wording/my-tickets.ts";
import { senderMention, type MessageContext } from "./message-context.ts";

export async function myTicketsAnswer(ctx: MessageContext): Promise<OutboundBody> {
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
    overdue:
      !!t.feedbackDueAt &&
      t.feedbackDueAt < ctx.at &&
      (AWAITING_FEEDBACK as readonly string[]).includes(t.status as TicketStatus),
  }));
  return myTicketsReply({ handler, tickets: lines, mention: senderMention(ctx.message) });
}
