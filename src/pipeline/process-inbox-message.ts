// One inbox row → understanding → a ticket (or not) → the reply in the outbox, all in one transaction
// together with marking the row done. Safe to run twice for the same row, even at the same time (a
// lease that ran out during a slow LLM call): the ticket is unique per inbox row and the reply's dedupe
// key is derived from the row, so the run that commits second hits a unique key and reports
// "already-done" instead of failing.
import type { Db } from "../db/create-database.ts";
import { isUniqueViolation } from "../db/is-unique-violation.ts";
import { InboundMessageSchema, type InboundMessage } from "../inbox/inbound-message.ts";
import type { Logger } from "../log/create-logger.ts";
import { enqueue } from "../outbox/enqueue.ts";
import { notAnIssueReply } from "../replies/not-an-issue.ts";
import { ticketReceivedReply } from "../replies/ticket-received.ts";
import { nextTicketNumber } from "../tickets/next-ticket-number.ts";
import type { Classifier } from "../understanding/classifier.ts";
import { understandMessage } from "../understanding/understand-message.ts";

export interface PipelineDeps {
  db: Db;
  classifier: Classifier;
  /** Below this confidence a ticket's category is marked for staff to confirm (待人工确认). */
  reviewThreshold: number;
  now: () => Date;
  log: Logger;
}

export interface InboxRow {
  id: number;
  payload: string;
}

/** The rate-limit key for replies to this message: the group, or the one-to-one partner. */
export function destinationOf(m: InboundMessage): string {
  return m.chat.type === "group" ? `${m.channel}:group:${m.chat.id}` : `${m.channel}:user:${m.sender.id}`;
}

/** The words that describe the matter: the quoted resident message when a deputy quotes one. */
function matterText(m: InboundMessage): string {
  return m.forwardedText ? `${m.forwardedText}\n${m.text}`.trim() : m.text;
}

export async function processInboxMessage(deps: PipelineDeps, row: InboxRow): Promise<"ticket" | "no-ticket" | "already-done"> {
  const { db, now } = deps;
  const message = InboundMessageSchema.parse(JSON.parse(row.payload));
  if (await db.ticket.findUnique({ where: { inboxMessageId: row.id }, select: { id: true } })) {
    await db.inboxMessage.update({ where: { id: row.id }, data: { status: "done", processedAt: now(), lockedUntil: null } });
    return "already-done";
  }

  const text = matterText(message);
  const understanding = await understandMessage(deps.classifier, text, deps.reviewThreshold); // outside the transaction: may be slow (LLM)
  const mention = message.chat.type === "group" ? message.sender.id : undefined;
  const destination = destinationOf(message);
  const at = now();
  // Read before the transaction: on SQLite a transaction must write first, or a concurrent intake
  // commit would turn its later write into SQLITE_BUSY_SNAPSHOT.
  const group =
    message.chat.id === null
      ? null
      : await db.group.findUnique({
          where: { platform_platformGroupId: { platform: message.platform, platformGroupId: message.chat.id } },
          select: { id: true },
        });

  try {
    return await db.$transaction(async (tx) => {
      const markDone = () =>
        tx.inboxMessage.update({ where: { id: row.id }, data: { status: "done", processedAt: at, lockedUntil: null, lastError: null } });

      if (!understanding.isIssue) {
        await enqueue(tx, { dedupeKey: `reply:inbox:${row.id}`, route: message.replyRoute, destination, body: notAnIssueReply(text, mention) }, at);
        await markDone();
        return "no-ticket" as const;
      }

      const number = await nextTicketNumber(tx, at);
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
          contact: understanding.contacts.join(",") || null,
          text,
          reporterId: message.sender.id,
          reporterName: message.sender.name ?? null,
          reporterRole: message.viaDeputy ? "deputy_on_behalf" : "resident",
          platform: message.platform,
          groupId: group?.id ?? null,
          inboxMessageId: row.id,
          createdAt: at,
        },
      });
      const body = ticketReceivedReply({
        number,
        categoryL1: ticket.categoryL1,
        categoryL2: ticket.categoryL2,
        onBehalf: message.viaDeputy,
        inGroup: message.chat.type === "group",
        summary: text,
        places: understanding.places,
        urgency: understanding.urgency,
        needsReview: understanding.needsReview,
        requestType: understanding.requestType,
        mention,
      });
      await enqueue(tx, { dedupeKey: `ticket-ack:${ticket.id}`, route: message.replyRoute, destination, body, ticketId: ticket.id }, at);
      await markDone();
      deps.log.info({ ticket: number, category: ticket.categoryL2, confidence: ticket.confidence }, "ticket opened");
      return "ticket" as const;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return "already-done"; // another worker committed this row first
    throw err;
  }
}
