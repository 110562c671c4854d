// Read-only answers: 查询 #编号, 我的工单, 统计, 联系册, 帮助.
import { contactBook } from "../../groups/contact-book.ts";
import { shanghaiMonth } from "../../infra/shanghai-time.ts";
import { loopFigures } from "../../tickets/loop-figures.ts";
import { ALL_GROUPS } from "../../wording/audit-notes.ts";
import { helpText } from "../../wording/command-help.ts";
import { COMMAND_WORDING } from "../../wording/command-wording.ts";
import { contactBookReply } from "../../wording/contact-book.ts";
import { statsReply } from "../../wording/stats-summary.ts";
import { STEP_WORDS, ticketCard } from "../../wording/ticket-card.ts";
import { senderMention } from "../message-context.ts";
import { myTicketsAnswer } from "../my-tickets.ts";
import { actorName, EVERYONE, HANDLERS, type BareCommand, type TicketCommand } from "./command.ts";

export const query: TicketCommand<Record<string, never>> = {
  verb: "query",
  form: "ticket",
  words: ["查询", "查看"],
  roles: EVERYONE,
  wording: COMMAND_WORDING.query,
  parse: () => ({}),
  async run(ctx, t) {
    const { db } = ctx.deps;
    const [events, mergedInto] = await Promise.all([
      db.ticketEvent.findMany({
        where: { ticketId: t.id, kind: { in: Object.keys(STEP_WORDS) } },
        orderBy: { id: "desc" },
        take: 5,
      }),
      t.mergedIntoId ? db.ticket.findUnique({ where: { id: t.mergedIntoId }, select: { number: true } }) : null,
    ]);
    const steps = events.reverse().map((e) => ({
      at: e.createdAt,
      who: e.actorName ?? STEP_WORDS[e.kind]!,
      what: `${STEP_WORDS[e.kind]}${e.note ? ` ${e.note}` : ""}`,
    }));
    return {
      answer: ticketCard(
        { ...t, mergedIntoNumber: mergedInto?.number ?? null, steps },
        ctx.at,
        senderMention(ctx.message),
      ),
    };
  },
};

export const mine: BareCommand = {
  verb: "mine",
  form: "bare",
  words: ["我的工单"],
  roles: EVERYONE,
  wording: COMMAND_WORDING.mine,
  async run(ctx) {
    return { answer: await myTicketsAnswer(ctx) };
  },
};

export const stats: BareCommand = {
  verb: "stats",
  form: "bare",
  words: ["统计"],
  roles: EVERYONE,
  wording: COMMAND_WORDING.stats,
  async run(ctx) {
    const { db } = ctx.deps;
    const { start, end } = shanghaiMonth(ctx.at);
    const scope = ctx.group ? { groupId: ctx.group.id } : {};
    const [month, total] = await Promise.all([
      loopFigures(db, { ...scope, from: start, to: end }, ctx.at),
      loopFigures(db, scope, ctx.at),
    ]);
    return {
      answer: statsReply({
        groupName: ctx.group?.name ?? ALL_GROUPS,
        month,
        total,
        mention: senderMention(ctx.message),
      }),
    };
  },
};

export const deputyContactBook: BareCommand = {
  verb: "contact-book",
  form: "bare",
  words: ["联系册", "履职记录"],
  roles: HANDLERS,
  wording: COMMAND_WORDING["contact-book"],
  async run(ctx) {
    const book = await contactBook(ctx.deps.db, ctx.actor.id);
    return { answer: contactBookReply({ who: actorName(ctx), ...book, mention: senderMention(ctx.message) }) };
  },
};

export const help: BareCommand = {
  verb: "help",
  form: "bare",
  words: ["帮助", "菜单", "help"],
  roles: EVERYONE,
  wording: COMMAND_WORDING.help,
  run: (ctx) => ({ answer: helpText(senderMention(ctx.message)) }),
};
