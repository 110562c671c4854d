// Looks up a quoted ticket as the sender may see it: in a group, only that group's tickets; in a
// one-to-one chat, tickets the sender reported, or any ticket for deputies and staff.
import type { MessageContext } from "./message-context.ts";

const TICKET_SELECT = {
  id: true,
  number: true,
  status: true,
  closeReason: true,
  text: true,
  categoryL1: true,
  categoryL2: true,
  requestType: true,
  place: true,
  urgency: true,
  createdAt: true,
  feedbackDueAt: true,
  assigneeId: true,
  assigneeName: true,
  reporterId: true,
  affectedCount: true,
  rating: true,
  mergedIntoId: true,
  groupId: true,
  followers: { select: { platformUserId: true } },
} as const;

export async function findTicket(ctx: MessageContext, number: string) {
  const ticket = await ctx.deps.db.ticket.findUnique({ where: { number }, select: TICKET_SELECT });
  if (!ticket) return null;
  if (ctx.group) return ticket.groupId === ctx.group.id ? ticket : null;
  return ctx.actor.role !== "resident" || ticket.reporterId === ctx.actor.id ? ticket : null;
}

export type FoundTicket = NonNullable<Awaited<ReturnType<typeof findTicket>>>;

/** The reporter and every resident linked as reporting the same matter. */
export function followerIds(t: FoundTicket): string[] {
  return [...new Set([t.reporterId, ...t.followers.map((f) => f.platformUserId)])];
}
