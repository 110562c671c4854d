// A message only the model took for a matter, with low confidence, gets a question ("是需要登记…的问题吗？")
// instead of a silent ticket. The same person's short answer in the same chat within the window decides:
// "是" opens the ticket from the first message (its words, its analysis), "不用" closes the question. The
// question is answered once: a conditional update marks it in the same transaction as what follows, so a
// redelivered "是" opens nothing twice.
import { InboundMessageSchema, type InboundMessage } from "../inbox/inbound-message.ts";
import type { Tx } from "../infra/db/create-database.ts";
import { understandInChat } from "./understand-in-chat.ts";
import { confirmationDeclinedReply, confirmMatterQuestion } from "../wording/confirm-matter.ts";
import { markDone, reply, senderMention, type MessageContext } from "./message-context.ts";
import { openTicket } from "./open-ticket.ts";

const YES = /^(?:是|是的|对|对的|嗯|嗯嗯|要|需要|登记|要登记|需要登记|确认|好|好的|麻烦了|麻烦登记一下)[。.!！~～]*$/u;
const NO = /^(?:不是|不用|不需要|不要|不用了|算了|没事|没事了|不登记)[。.!！~～]*$/u;

/** The conversation a question was asked in: one person in one chat. */
export function chatKeyOf(m: InboundMessage): string {
  return `${m.platform}:${m.chat.id ?? "single"}:${m.sender.id}`;
}

/** The words of a message as the matter is told (a deputy's quote comes first). */
export function matterTextOf(m: InboundMessage): string {
  return m.forwardedText ? `${m.forwardedText}\n${m.text}`.trim() : m.text;
}

/** Asks whether the message is a matter to register, and remembers it for the answer. */
export async function askToConfirm(tx: Tx, ctx: MessageContext, text: string): Promise<"no-ticket"> {
  await markDone(tx, ctx);
  await tx.pendingConfirmation.create({
    data: { chatKey: chatKeyOf(ctx.message), inboxMessageId: ctx.rowId, askedAt: ctx.at },
  });
  await reply(tx, ctx, confirmMatterQuestion(text, ctx.message.chat.type === "group", senderMention(ctx.message)));
  return "no-ticket";
}

/**
 * Handles the answer to a pending question. Returns null (nothing written) when the message is no short
 * yes or no, or there is no open question from this person in this chat within `windowMs`.
 */
export async function answerConfirmation(
  ctx: MessageContext,
  windowMs: number,
): Promise<"ticket" | "no-ticket" | null> {
  const said = ctx.message.text.trim();
  const yes = YES.test(said);
  if (!yes && !NO.test(said)) return null;
  const { db } = ctx.deps;
  const pending = await db.pendingConfirmation.findFirst({
    where: {
      chatKey: chatKeyOf(ctx.message),
      answeredAt: null,
      askedAt: { gte: new Date(ctx.at.getTime() - windowMs), lte: ctx.at },
    },
    orderBy: { askedAt: "desc" },
  });
  if (!pending) return null;
  const first = await db.inboxMessage.findUnique({ where: { id: pending.inboxMessageId }, select: { payload: true } });
  if (!first) return null;
  const text = matterTextOf(InboundMessageSchema.parse(JSON.parse(first.payload)));
  const understanding = yes ? await understandInChat(ctx, text) : null;
  return db.$transaction(async (tx) => {
    const { count } = await tx.pendingConfirmation.updateMany({
      where: { id: pending.id, answeredAt: null },
      data: { answeredAt: ctx.at },
    });
    if (count === 0) {
      // Answered meanwhile by another worker: this message is only marked done.
      await markDone(tx, ctx);
      return "no-ticket" as const;
    }
    if (understanding) return openTicket(tx, ctx, text, { ...understanding, isIssue: true });
    await markDone(tx, ctx);
    await reply(tx, ctx, confirmationDeclinedReply(senderMention(ctx.message)));
    return "no-ticket" as const;
  });
}
