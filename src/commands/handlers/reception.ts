// After a reception day (接待日): 接待登记 records how many residents came and which deputies were
// there (attendance per deputy, for their records); 接待问题 turns one matter raised there into a ticket
// marked with the day. Both are idempotent per chat message like every command.
import { understandMessage } from "../../understanding/understand-message.ts";
import { openTicket } from "../../pipeline/open-ticket.ts";
import { markDone, reply, senderMention, type MessageContext } from "../../pipeline/message-context.ts";
import { resolveReceptionDate } from "../../reception/resolve-reception-date.ts";
import { receptionLogged, receptionNeedsGroup, receptionDateUnreadable } from "../../replies/reception-logged.ts";
import type { CommandOf } from "../command.ts";
import type { Plan } from "./plan.ts";

export async function logReception(ctx: MessageContext, c: CommandOf<"reception-log">): Promise<Plan> {
  const mention = senderMention(ctx.message);
  if (!ctx.group) return { answer: receptionNeedsGroup(mention) };
  const groupId = ctx.group.id;
  const { db, loop } = ctx.deps;
  const date = await resolveReceptionDate(db, groupId, c.date, ctx.at, loop.calendar);
  if (!date) return { answer: receptionDateUnreadable(mention) };
  const deputies = await db.member.findMany({ where: { groupId, role: "deputy" }, select: { platformUserId: true, name: true } });
  const present = [...new Set(c.names.flatMap((n) => deputies.filter((d) => n === d.name || n === d.platformUserId)))]; // in the order written
  const unknown = c.names.filter((n) => !deputies.some((d) => n === d.name || n === d.platformUserId));
  return {
    apply: async (tx) => {
      const day = await tx.receptionDay.upsert({
        where: { groupId_date: { groupId, date } },
        create: { groupId, date, visitors: c.visitors, loggedById: ctx.actor.id, loggedAt: ctx.at },
        update: { ...(c.visitors !== null ? { visitors: c.visitors } : {}), loggedById: ctx.actor.id, loggedAt: ctx.at },
      });
      for (const d of present) {
        await tx.receptionAttendance.upsert({
          where: { receptionDayId_platformUserId: { receptionDayId: day.id, platformUserId: d.platformUserId } },
          create: { receptionDayId: day.id, platformUserId: d.platformUserId, name: d.name },
          update: {},
        });
      }
      const all = await tx.receptionAttendance.findMany({ where: { receptionDayId: day.id }, orderBy: { id: "asc" }, select: { name: true } });
      return receptionLogged({ date, visitors: day.visitors, present: all.map((a) => a.name), unknown, mention });
    },
  };
}

export async function raiseReceptionIssue(ctx: MessageContext, c: CommandOf<"reception-issue">): Promise<"command"> {
  const { db, loop, classifier, reviewThreshold } = ctx.deps;
  const mention = senderMention(ctx.message);
  const date = ctx.group ? await resolveReceptionDate(db, ctx.group.id, c.date, ctx.at, loop.calendar) : null;
  if (!ctx.group || !date) {
    await db.$transaction(async (tx) => {
      await markDone(tx, ctx);
      await reply(tx, ctx, ctx.group ? receptionDateUnreadable(mention) : receptionNeedsGroup(mention));
    });
    return "command";
  }
  const understanding = await understandMessage(classifier, c.text, reviewThreshold); // outside the transaction: may be slow (LLM)
  await db.$transaction((tx) => openTicket(tx, ctx, c.text, understanding, { receptionDate: date }));
  return "command";
}
