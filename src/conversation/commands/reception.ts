// After a reception day (接待日): 接待登记 records how many residents came and which deputies were
// there (attendance per deputy, for their records); 接待问题 turns one matter raised there into a ticket
// marked with the day. Both are idempotent per chat message like every command.
import { isReceptionDay, resolveReceptionDate } from "../../groups/resolve-reception-date.ts";
import { shanghaiDate } from "../../infra/shanghai-time.ts";
import { understandInChat } from "../understand-in-chat.ts";
import { COMMAND_WORDING } from "../../wording/command-wording.ts";
import {
  receptionDateInFuture,
  receptionDateNotReceptionDay,
  receptionDateUnreadable,
  receptionLogged,
  receptionNeedsGroup,
} from "../../wording/reception-logged.ts";
import { senderMention } from "../message-context.ts";
import { openTicket } from "../open-ticket.ts";
import { HANDLERS, STAFF, type TextCommand } from "./command.ts";

/** "12月10日", "12-10", "2026-12-10" at the start: the date as written (year resolved later), and the rest. */
const DATE_AT_START = /^(?:(\d{4})[-/.年])?(\d{1,2})(?:[-/.]|月)(\d{1,2})(?:日|号)?[，,：:\s]*/;

function leadingDate(text: string): { date: string | null; rest: string } {
  const m = DATE_AT_START.exec(text);
  if (!m) return { date: null, rest: text };
  const pad = (n: string) => n.padStart(2, "0");
  return { date: `${m[1] ?? "????"}-${pad(m[2]!)}-${pad(m[3]!)}`, rest: text.slice(m[0].length).trim() };
}

export const logReception: TextCommand<{
  date: string | null;
  confirmed: boolean;
  visitors: number | null;
  names: string[];
}> = {
  verb: "reception-log",
  form: "text",
  words: ["接待登记", "接待记录"],
  roles: STAFF,
  wording: COMMAND_WORDING["reception-log"],
  parse(text) {
    const { date, rest: afterDate } = leadingDate(text);
    // "接待登记 12月30日 确认 …": staff confirm a date that is not one of the group's reception days.
    const confirmed = /^确认[，,：:\s]*/u.exec(afterDate);
    const rest = confirmed ? afterDate.slice(confirmed[0].length) : afterDate;
    const visitors = /(?:来访|接待)?\s*(\d+)\s*(?:人|位|名)/.exec(rest);
    const present = /(?:到场|出席|值班)(?:代表)?[：:\s]*(.+)$/.exec(rest);
    const names = present
      ? present[1]!
          .split(/[、，,；;\s]+/)
          .map((n) => n.replace(/^@/, "").trim())
          .filter(Boolean)
      : [];
    return visitors || names.length
      ? { date, confirmed: !!confirmed, visitors: visitors ? Number(visitors[1]) : null, names }
      : null;
  },
  async run(ctx, c) {
    const mention = senderMention(ctx.message);
    if (!ctx.group) return { answer: receptionNeedsGroup(mention) };
    const groupId = ctx.group.id;
    const { db, loop } = ctx.deps;
    const date = await resolveReceptionDate(db, groupId, c.date, ctx.at, loop.calendar);
    if (!date) return { answer: receptionDateUnreadable(mention) };
    if (date > shanghaiDate(ctx.at)) return { answer: receptionDateInFuture(date, mention) };
    if (!c.confirmed && !(await isReceptionDay(db, groupId, date, loop.calendar))) {
      return { answer: receptionDateNotReceptionDay(date, COMMAND_WORDING["reception-log"].usage, mention) };
    }
    const deputies = await db.member.findMany({
      where: { groupId, role: "deputy" },
      select: { platformUserId: true, name: true },
    });
    const present = [
      ...new Set(c.names.flatMap((n) => deputies.filter((d) => n === d.name || n === d.platformUserId))),
    ]; // in the order written
    const unknown = c.names.filter((n) => !deputies.some((d) => n === d.name || n === d.platformUserId));
    return {
      apply: async (tx) => {
        const day = await tx.receptionDay.upsert({
          where: { groupId_date: { groupId, date } },
          create: { groupId, date, visitors: c.visitors, loggedById: ctx.actor.id, loggedAt: ctx.at },
          update: {
            ...(c.visitors !== null ? { visitors: c.visitors } : {}),
            loggedById: ctx.actor.id,
            loggedAt: ctx.at,
          },
        });
        for (const d of present) {
          await tx.receptionAttendance.upsert({
            where: { receptionDayId_platformUserId: { receptionDayId: day.id, platformUserId: d.platformUserId } },
            create: { receptionDayId: day.id, platformUserId: d.platformUserId, name: d.name },
            update: {},
          });
        }
        const all = await tx.receptionAttendance.findMany({
          where: { receptionDayId: day.id },
          orderBy: { id: "asc" },
          select: { name: true },
        });
        return receptionLogged({ date, visitors: day.visitors, present: all.map((a) => a.name), unknown, mention });
      },
    };
  },
};

export const raiseReceptionIssue: TextCommand<{ date: string | null; text: string }> = {
  verb: "reception-issue",
  form: "text",
  words: ["接待问题", "接待意见"],
  roles: HANDLERS,
  wording: COMMAND_WORDING["reception-issue"],
  parse(text) {
    const { date, rest } = leadingDate(text);
    return rest ? { date, text: rest } : null;
  },
  async run(ctx, c) {
    const { db, loop } = ctx.deps;
    const mention = senderMention(ctx.message);
    const date = ctx.group ? await resolveReceptionDate(db, ctx.group.id, c.date, ctx.at, loop.calendar) : null;
    if (!ctx.group) return { answer: receptionNeedsGroup(mention) };
    if (!date) return { answer: receptionDateUnreadable(mention) };
    if (date > shanghaiDate(ctx.at)) return { answer: receptionDateInFuture(date, mention) };
    const understanding = await understandInChat(ctx, c.text); // outside the transaction: may be slow (LLM)
    await db.$transaction((tx) => openTicket(tx, ctx, c.text, understanding, { receptionDate: date }));
    return { done: true };
  },
};
