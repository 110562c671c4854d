// A message the bot cannot read (an image, a file, voice or video without words): noted as a reference
// on the sender's ticket when they opened one in this chat within the last two hours, and otherwise
// answered with a request to say it in a few words. Its content is not fetched.
import { OPEN_STATUSES } from "../tickets/ticket-status.ts";
import {
  attachmentAddedReply,
  attachmentAskReply,
  attachmentNote,
  type AttachmentKind,
} from "../wording/attachment-replies.ts";
import { markDone, recordEvent, reply, senderMention, type MessageContext } from "./message-context.ts";

const RECENT_MS = 2 * 3600_000;

export async function handleAttachment(ctx: MessageContext, kind: AttachmentKind): Promise<"follow-up" | "no-ticket"> {
  const { db } = ctx.deps;
  const mention = senderMention(ctx.message);
  const recent = await db.ticket.findFirst({
    where: {
      groupId: ctx.group?.id ?? null,
      status: { in: [...OPEN_STATUSES] },
      createdAt: { gte: new Date(ctx.at.getTime() - RECENT_MS) },
      followers: { some: { platformUserId: ctx.message.sender.id } },
    },
    orderBy: { id: "desc" },
    select: { id: true, number: true },
  });
  return db.$transaction(async (tx) => {
    await markDone(tx, ctx);
    if (!recent) {
      await reply(tx, ctx, attachmentAskReply(kind, mention));
      return "no-ticket" as const;
    }
    await recordEvent(tx, ctx, recent.id, { kind: "follow_up", note: attachmentNote(kind) });
    await reply(tx, ctx, attachmentAddedReply(kind, recent.number, mention), recent.id);
    return "follow-up" as const;
  });
}
