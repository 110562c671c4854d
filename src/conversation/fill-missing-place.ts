// The answer to "请问具体在哪个小区、几号楼？": the reporter's next message in the same chat, within
// PLACE_ANSWER_WINDOW_MS of the ticket that asked, that names a place and says little else (or speaks of the
// same matter), and is not confidently another matter, completes that ticket instead of opening a new one.
import { OPEN_STATUSES } from "../tickets/ticket-status.ts";
import type { Understanding } from "../understanding/understand-message.ts";
import { placeAddedNote } from "../wording/audit-notes.ts";
import { placeAddedReply } from "../wording/related-report.ts";
import { markDone, recordEvent, reply, senderMention, type MessageContext } from "./message-context.ts";

export const PLACE_ANSWER_WINDOW_MS = 30 * 60_000;

/** Words beyond the place that an answer may hold: "在…", "就是…那个路口", "我住…". */
const MAX_OTHER_CHARACTERS = 8;

/** The message is an answer with a place: the place, plus a few words at most. */
function mostlyPlace(text: string, place: string): boolean {
  const rest = text.replace(place, "").replace(/[\s\p{P}]/gu, "");
  return [...rest].length <= MAX_OTHER_CHARACTERS;
}

/**
 * Fills in the place of the sender's ticket that asked for one, and answers. Returns null (nothing written)
 * when the message is not such an answer. An urgent message is never taken as an answer: it opens its own.
 */
export async function fillMissingPlace(
  ctx: MessageContext,
  text: string,
  understanding: Understanding,
): Promise<"follow-up" | null> {
  const place = understanding.places[0];
  if (!place || understanding.urgency === "immediate") return null;
  const { db, loop } = ctx.deps;
  const waiting = await db.ticket.findFirst({
    where: {
      reporterId: ctx.message.sender.id,
      platform: ctx.message.platform,
      groupId: ctx.group?.id ?? null,
      place: null,
      status: { in: [...OPEN_STATUSES] },
      mergedIntoId: null,
      categoryL2: { in: [...loop.taxonomy.placeNeeded] },
      createdAt: { gte: new Date(ctx.at.getTime() - PLACE_ANSWER_WINDOW_MS) },
    },
    orderBy: { id: "desc" },
    select: { id: true, number: true, categoryL2: true },
  });
  if (!waiting) return null;
  const sameMatter = understanding.isIssue && understanding.categoryL2 === waiting.categoryL2;
  // "幸福小区5栋电梯坏了" is short, but a matter of its own, told with confidence: not an answer.
  const anotherMatter = understanding.isIssue && !understanding.needsReview && !sameMatter;
  if (anotherMatter || (!sameMatter && !mostlyPlace(text, place))) return null;
  const places = understanding.places.join(" / ");
  return db.$transaction(async (tx) => {
    await markDone(tx, ctx);
    await tx.ticket.update({ where: { id: waiting.id }, data: { place: places, community: understanding.community } });
    await recordEvent(tx, ctx, waiting.id, { kind: "follow_up", note: placeAddedNote(places) });
    await reply(tx, ctx, placeAddedReply(waiting.number, places, senderMention(ctx.message)), waiting.id);
    return "follow-up" as const;
  });
}
