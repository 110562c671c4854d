// Writing a message into a ticket that already exists: a follow-up note, or another resident joining
// as a follower of the same matter (已为您关注). Both run inside the caller's transaction.
import type { Tx } from "../infra/db/create-database.ts";
import { duplicateLinkedReply, followUpReply } from "../wording/related-report.ts";
import { followUpNote } from "../wording/audit-notes.ts";
import { markDone, recordEvent, reply, senderMention, type MessageContext } from "./message-context.ts";

export async function appendFollowUp(
  tx: Tx,
  ctx: MessageContext,
  ticket: { id: number; number: string; status: string },
  text: string,
): Promise<"follow-up"> {
  await markDone(tx, ctx);
  await recordEvent(tx, ctx, ticket.id, { kind: "follow_up", note: followUpNote(text) || text });
  await reply(tx, ctx, followUpReply(ticket.number, ticket.status === "closed", senderMention(ctx.message)), ticket.id);
  return "follow-up";
}

export async function linkFollower(
  tx: Tx,
  ctx: MessageContext,
  ticket: { id: number; number: string },
  text: string,
): Promise<"duplicate"> {
  await markDone(tx, ctx);
  await tx.ticketFollower.create({
    data: {
      ticketId: ticket.id,
      platformUserId: ctx.message.sender.id,
      name: ctx.message.sender.name ?? null,
      via: "duplicate",
      createdAt: ctx.at,
    },
  });
  const updated = await tx.ticket.update({
    where: { id: ticket.id },
    data: { affectedCount: { increment: 1 } },
    select: { affectedCount: true },
  });
  await recordEvent(tx, ctx, ticket.id, { kind: "duplicate_linked", note: text });
  await reply(
    tx,
    ctx,
    duplicateLinkedReply(ticket.number, updated.affectedCount, senderMention(ctx.message)),
    ticket.id,
  );
  return "duplicate";
}
