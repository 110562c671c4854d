// A new matter: number it, give it its deadlines, record the reporter as its first follower and the
// "created" event, and queue the acknowledgement (and, when it is urgent, the alert to the group's deputies
// and staff), all in the caller's transaction.
import type { Tx } from "../infra/db/create-database.ts";
import { ticketReceivedReply } from "../wording/ticket-received.ts";
import { deadlinesFor } from "../tickets/sla-policy.ts";
import { nextTicketNumber } from "../tickets/next-ticket-number.ts";
import { alertStaff } from "./alert-staff.ts";
import type { Understanding } from "../understanding/understand-message.ts";
import {
  markDone,
  recordEvent,
  relayedByDeputy,
  reply,
  senderMention,
  type MessageContext,
} from "./message-context.ts";

/** `receptionDate`: the matter was raised on that reception day and logged by a deputy or staff member. */
export async function openTicket(
  tx: Tx,
  ctx: MessageContext,
  text: string,
  understanding: Understanding,
  origin: { receptionDate?: string } = {},
): Promise<"ticket"> {
  const { message, at } = ctx;
  await markDone(tx, ctx);
  const number = await nextTicketNumber(tx, at);
  const deadlines = deadlinesFor(ctx.deps.loop.sla, ctx.deps.loop.calendar, understanding, at);
  const ticket = await tx.ticket.create({
    data: {
      number,
      categoryL1: understanding.categoryL1,
      categoryL2: understanding.categoryL2,
      confidence: understanding.confidence,
      decidedBy: understanding.decidedBy,
      needsReview: understanding.needsReview,
      requestType: understanding.requestType,
      urgency: understanding.urgency,
      urgencySignals: understanding.urgencySignals.join(",") || null,
      place: understanding.places.join(" / ") || null,
      community: understanding.community,
      contact: understanding.contacts.join(",") || null,
      text,
      reporterId: message.sender.id,
      reporterName: message.sender.name ?? null,
      reporterRole: reporterRole(ctx, origin),
      receptionDate: origin.receptionDate ?? null,
      platform: message.platform,
      groupId: ctx.group?.id ?? null,
      inboxMessageId: ctx.rowId,
      createdAt: at,
      ...deadlines,
    },
  });
  await tx.ticketFollower.create({
    data: {
      ticketId: ticket.id,
      platformUserId: message.sender.id,
      name: message.sender.name ?? null,
      via: "report",
      createdAt: at,
    },
  });
  await recordEvent(tx, ctx, ticket.id, {
    kind: "created",
    toStatus: "received",
    note: understanding.categoryL2,
  });
  const body = ticketReceivedReply({
    number,
    categoryL1: ticket.categoryL1,
    categoryL2: ticket.categoryL2,
    onBehalf: relayedByDeputy(ctx) || !!origin.receptionDate,
    inGroup: message.chat.type === "group",
    summary: understanding.masked,
    places: understanding.places,
    urgency: understanding.urgency,
    advice: understanding.advice,
    needsReview: understanding.needsReview,
    requestType: understanding.requestType,
    mention: senderMention(message)[0],
    // A question about a policy ("加装电梯有什么补贴") is answered without knowing where the asker lives.
    askPlace:
      understanding.places.length === 0 &&
      !origin.receptionDate &&
      understanding.requestType !== "咨询" &&
      ctx.deps.loop.taxonomy.placeNeeded.has(understanding.categoryL2),
  });
  await reply(tx, ctx, body, ticket.id);
  if (understanding.urgency === "immediate")
    await alertStaff(tx, ctx, ticket, {
      reason: understanding.urgencySignals[0] ?? "紧急事项",
      places: understanding.places,
    });
  ctx.deps.log.info(
    { ticket: number, category: ticket.categoryL2, confidence: ticket.confidence, slaTier: deadlines.slaTier },
    "ticket opened",
  );
  return "ticket";
}

/** resident · deputy_on_behalf (a deputy relayed it, in the chat or from a reception day) · reception (staff logged it). */
function reporterRole(ctx: MessageContext, origin: { receptionDate?: string }): string {
  if (origin.receptionDate) return ctx.actor.role === "deputy" ? "deputy_on_behalf" : "reception";
  return relayedByDeputy(ctx) ? "deputy_on_behalf" : "resident";
}
