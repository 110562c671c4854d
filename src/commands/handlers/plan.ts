// What a ticket command decides before touching the database: either just an answer (a refusal, a
// lookup), or a change to apply inside the transaction that returns the answer.
import type { Tx } from "../../db/create-database.ts";
import type { OutboundBody } from "../../outbound/reply-route.ts";
import type { FoundTicket } from "../../pipeline/find-ticket.ts";
import { senderMention, type MessageContext } from "../../pipeline/message-context.ts";
import { changedMeanwhileReply } from "../../replies/refusals.ts";

export type Plan = { answer: OutboundBody } | { apply: (tx: Tx) => Promise<OutboundBody>; afterCommit?: () => void };

export type TicketHandler<C> = (ctx: MessageContext, ticket: FoundTicket, command: C) => Promise<Plan> | Plan;

/** The sender's name as the group knows it. */
export function actorName(ctx: MessageContext): string {
  return ctx.actor.name ?? ctx.message.sender.name ?? ctx.actor.id;
}

export class ChangedMeanwhile extends Error {}

/**
 * Moves a ticket only if it is still in one of `from` (another command may have moved it since it was
 * read): a conditional UPDATE, so two deputies acting at once cannot both win.
 */
export async function changeTicket(tx: Tx, ticketId: number, from: readonly string[], data: Record<string, unknown>): Promise<void> {
  const { count } = await tx.ticket.updateMany({ where: { id: ticketId, status: { in: [...from] } }, data });
  if (count === 0) throw new ChangedMeanwhile();
}

/** The answer when changeTicket found the ticket moved. */
export function changedMeanwhile(ctx: MessageContext, number: string): OutboundBody {
  return changedMeanwhileReply(number, senderMention(ctx.message));
}
