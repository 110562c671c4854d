// Questions the bot answers from its own data instead of opening a ticket: when and where the group's
// next reception day is and who is on duty; who the group's deputies are; how the sender's own matters
// stand; how to use the bot.
import { onDuty } from "../groups/duty-roster.ts";
import { receptionDatesBetween } from "../groups/reception-days.ts";
import { parseReceptionRow } from "../groups/reception-rule.ts";
import { addDays, shanghaiDate } from "../infra/shanghai-time.ts";
import type { OutboundBody } from "../outbox/outbound-body.ts";
import type { NotAMatter } from "../understanding/extract/not-a-matter/not-a-matter.ts";
import { helpText } from "../wording/command-help.ts";
import { receptionAnswer } from "../wording/reception-answer.ts";
import { deputiesAnswer } from "../wording/deputies-answer.ts";
import { myTicketsAnswer } from "./my-tickets.ts";
import { senderMention, type MessageContext } from "./message-context.ts";

/** The answer to a question the bot can answer itself, or null for other messages that are not matters. */
export async function answerKnownQuestion(ctx: MessageContext, kind: NotAMatter | null): Promise<OutboundBody | null> {
  const mention = senderMention(ctx.message);
  if (kind === "bot-usage") return helpText(mention);
  if (kind === "my-status") return myTicketsAnswer(ctx);
  if (kind === "deputies") {
    const deputies = ctx.group
      ? await ctx.deps.db.member.findMany({
          where: { groupId: ctx.group.id, role: "deputy" },
          orderBy: { id: "asc" },
          select: { name: true },
        })
      : [];
    return deputiesAnswer(
      deputies.map((d) => d.name),
      mention,
    );
  }
  if (kind !== "reception-day") return null;
  const row = ctx.group
    ? await ctx.deps.db.receptionRule.findUnique({
        where: { groupId: ctx.group.id },
        include: { group: { select: { members: { select: { platformUserId: true, name: true } } } } },
      })
    : null;
  if (!row) return receptionAnswer({ next: null, mention });
  const rule = parseReceptionRow(row);
  const today = shanghaiDate(ctx.at);
  const day = receptionDatesBetween(rule, today, addDays(today, 70), ctx.deps.loop.calendar)[0];
  if (!day) return receptionAnswer({ next: null, mention });
  const names = new Map(row.group.members.map((m) => [m.platformUserId, m.name]));
  const duty = onDuty(rule, day).map((id) => names.get(id) ?? id);
  return receptionAnswer({
    next: {
      date: day.date,
      moved: day.date !== day.nominal,
      startTime: rule.startTime,
      endTime: rule.endTime,
      place: rule.place,
      duty,
    },
    mention,
  });
}
