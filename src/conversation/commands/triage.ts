// 研处 by the committee staff: correct a category (the example then trains this deployment's model),
// merge a duplicate into the ticket that absorbs it, reopen a closed ticket.
import { changeTicket } from "../../tickets/change-ticket.ts";
import { deadlinesFor } from "../../tickets/sla-policy.ts";
import { quotedTicketNumbers } from "../../tickets/ticket-number-pattern.ts";
import { isOpen, OPEN_STATUSES } from "../../tickets/ticket-status.ts";
import type { Taxonomy } from "../../understanding/classify/taxonomy.ts";
import { mergedFromNote, mergedIntoNote } from "../../wording/audit-notes.ts";
import { COMMAND_WORDING } from "../../wording/command-wording.ts";
import {
  closedCannotMergeReply,
  mergeTargetClosedReply,
  notClosedNoReopenReply,
  ticketNotFoundReply,
  unknownCategoryReply,
} from "../../wording/refusals.ts";
import { mergedReply, recategorizedReply, reopenedReply } from "../../wording/ticket-updates.ts";
import { findTicket, followerIds } from "../find-ticket.ts";
import { recordEvent, senderMention } from "../message-context.ts";
import { STAFF, type TicketCommand } from "./command.ts";

/** "停车管理", "交通运输/停车管理" or an unambiguous part such as "停车". Null when none or several match. */
export function resolveCategory(taxonomy: Taxonomy, input: string): { l1: string; l2: string } | null {
  const wanted =
    input
      .split(/[/／\s]+/)
      .filter(Boolean)
      .pop() ?? "";
  const exact = taxonomy.parentOf.get(wanted);
  if (exact) return { l1: exact, l2: wanted };
  const partial = [...taxonomy.parentOf.keys()].filter(
    (l2) => wanted.length >= 2 && (l2.includes(wanted) || wanted.includes(l2)),
  );
  return partial.length === 1 ? { l1: taxonomy.parentOf.get(partial[0]!)!, l2: partial[0]! } : null;
}

export const recategorize: TicketCommand<{ category: string }> = {
  verb: "recategorize",
  form: "ticket",
  words: ["改分类", "改类"],
  roles: STAFF,
  wording: COMMAND_WORDING.recategorize,
  parse(rest) {
    const category = rest.replace(/^(为|到|成)\s*/, "").trim();
    return category ? { category } : null;
  },
  run(ctx, t, c) {
    const { taxonomy, sla, calendar } = ctx.deps.loop;
    const target = resolveCategory(taxonomy, c.category);
    if (!target)
      return { answer: unknownCategoryReply(c.category, [...taxonomy.parentOf.keys()], senderMention(ctx.message)) };
    const from = `${t.categoryL1}/${t.categoryL2}`;
    return {
      apply: async (tx) => {
        // A different tier may change the deadlines; they still count from when the matter was reported.
        const deadlines = isOpen(t.status)
          ? deadlinesFor(sla, calendar, { urgency: t.urgency, categoryL2: target.l2 }, t.createdAt)
          : {};
        await changeTicket(tx, t.id, [t.status], {
          categoryL1: target.l1,
          categoryL2: target.l2,
          needsReview: false,
          ...deadlines,
        });
        await recordEvent(tx, ctx, t.id, { kind: "recategorized", note: `${from} → ${target.l1}/${target.l2}` });
        await tx.trainingExample.create({
          data: { text: t.text, label: target.l2, ticketId: t.id, correctedBy: ctx.actor.id, createdAt: ctx.at },
        });
        return recategorizedReply(t.number, t.categoryL2, target.l2, senderMention(ctx.message));
      },
      afterCommit: () => ctx.deps.loop.onCorrection?.(),
    };
  },
};

export const merge: TicketCommand<{ into: string }> = {
  verb: "merge",
  form: "ticket",
  words: ["合并"],
  roles: STAFF,
  wording: COMMAND_WORDING.merge,
  parse(rest, number) {
    const into = quotedTicketNumbers(rest)[0];
    return into && into !== number ? { into } : null;
  },
  async run(ctx, t, c) {
    const mention = senderMention(ctx.message);
    const into = await findTicket(ctx, c.into);
    if (!into) return { answer: ticketNotFoundReply(c.into, mention) };
    if (!isOpen(t.status)) return { answer: closedCannotMergeReply(t.number, mention) };
    if (into.mergedIntoId !== null || into.status === "closed")
      return { answer: mergeTargetClosedReply(into.number, mention) };
    const already = new Set(followerIds(into));
    const joining = t.followers.map((f) => f.platformUserId).filter((id) => !already.has(id));
    return {
      apply: async (tx) => {
        await changeTicket(tx, t.id, OPEN_STATUSES, {
          status: "closed",
          closeReason: "duplicate",
          closedAt: ctx.at,
          mergedIntoId: into.id,
        });
        for (const userId of joining) {
          await tx.ticketFollower.create({
            data: { ticketId: into.id, platformUserId: userId, via: "duplicate", createdAt: ctx.at },
          });
        }
        const updated = await tx.ticket.update({
          where: { id: into.id },
          data: { affectedCount: { increment: joining.length } },
          select: { affectedCount: true },
        });
        await recordEvent(tx, ctx, t.id, {
          kind: "merged",
          fromStatus: t.status,
          toStatus: "closed",
          note: mergedIntoNote(into.number),
        });
        await recordEvent(tx, ctx, into.id, { kind: "duplicate_linked", note: mergedFromNote(t.number) });
        return mergedReply(t.number, into.number, updated.affectedCount, [...new Set([...mention, ...followerIds(t)])]);
      },
    };
  },
};

export const reopen: TicketCommand<{ note: string }> = {
  verb: "reopen",
  form: "ticket",
  words: ["重新办理", "重办"],
  roles: STAFF,
  wording: COMMAND_WORDING.reopen,
  parse: (rest) => ({ note: rest }),
  run(ctx, t, c) {
    if (t.status !== "closed" || t.mergedIntoId !== null)
      return { answer: notClosedNoReopenReply(t.number, senderMention(ctx.message)) };
    return {
      apply: async (tx) => {
        const deadlines = deadlinesFor(ctx.deps.loop.sla, ctx.deps.loop.calendar, t, ctx.at);
        await changeTicket(tx, t.id, ["closed"], {
          status: "reopened",
          closeReason: null,
          closedAt: null,
          ...deadlines,
        });
        await recordEvent(tx, ctx, t.id, {
          kind: "reopened",
          fromStatus: "closed",
          toStatus: "reopened",
          note: c.note || null,
        });
        return reopenedReply(t.number, c.note, [
          ...new Set([...senderMention(ctx.message), ...(t.assigneeId ? [t.assigneeId] : [])]),
        ]);
      },
    };
  },
};
