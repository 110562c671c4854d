// 履职登记: staff log a deputy's activity for the duty ledger from the chat ("履职登记 张代表 视察 12月5日 到幸福小区
// 查看加装电梯进展"): the deputy by name among the group's deputies, the kind by its label in the points rules
// (视察, 调研, 培训, 述职, 建议, 请假, 缺席 …), a past date, a note. Stored in the command's transaction, so a message
// handled again logs nothing twice.
import { addDays, shanghaiDate } from "../../infra/shanghai-time.ts";
import { AUTOMATIC_KINDS, pointsFor, type PointsRules } from "../../ledger/points-rules.ts";
import { COMMAND_WORDING } from "../../wording/command-wording.ts";
import {
  dutyDateReply,
  dutyLoggedReply,
  dutyNeedsGroupReply,
  dutyUnknownDeputyReply,
  dutyUnknownKindReply,
} from "../../wording/duty-logged.ts";
import { senderMention } from "../message-context.ts";
import { STAFF, type TextCommand } from "./command.ts";

const ARGS = /^@?(\S+?)\s+(\S+?)\s+(?:(\d{4})[-/.年])?(\d{1,2})(?:[-/.]|月)(\d{1,2})(?:日|号)?[，,：:\s]*(.*)$/su;

/** Kinds staff may log: every rule but the ones the bot counts itself. */
function loggableKinds(rules: PointsRules): Array<[string, string]> {
  return Object.entries(rules.kinds)
    .filter(([k]) => !(AUTOMATIC_KINDS as readonly string[]).includes(k))
    .map(([k, r]) => [k, r.label]);
}

/** "视察" → inspection; "培训" → training (学习培训); "述职" → report_to_voters (向选民述职). */
function kindOf(rules: PointsRules, word: string): string | null {
  const kinds = loggableKinds(rules);
  return (
    kinds.find(([k, label]) => k === word || label === word)?.[0] ??
    // The shortest label holding the word: "请假" is 接待日请假, not 接待日缺席（未请假）.
    kinds
      .filter(([, label]) => label.includes(word) || word.includes(label))
      .sort((a, b) => a[1].length - b[1].length)[0]?.[0] ??
    null
  );
}

export const logDuty: TextCommand<{
  name: string;
  kind: string;
  year: number | null;
  month: number;
  day: number;
  note: string;
}> = {
  verb: "duty-log",
  form: "text",
  words: ["履职登记"],
  roles: STAFF,
  wording: COMMAND_WORDING["duty-log"],
  parse(rest) {
    const m = ARGS.exec(rest);
    if (!m) return null;
    return {
      name: m[1]!,
      kind: m[2]!,
      year: m[3] ? Number(m[3]) : null,
      month: Number(m[4]),
      day: Number(m[5]),
      note: m[6]!.trim(),
    };
  },
  async run(ctx, a) {
    const mention = senderMention(ctx.message);
    const rules = ctx.deps.pointsRules;
    if (!ctx.group || !rules) return { answer: dutyNeedsGroupReply(mention) };
    const kind = kindOf(rules, a.kind);
    if (!kind)
      return {
        answer: dutyUnknownKindReply(
          a.kind,
          loggableKinds(rules).map(([, l]) => l),
          mention,
        ),
      };
    const today = shanghaiDate(ctx.at);
    const pad = (n: number) => String(n).padStart(2, "0");
    let date = `${a.year ?? today.slice(0, 4)}-${pad(a.month)}-${pad(a.day)}`;
    // "12月30日" written on 1 January is last year's.
    if (a.year === null && date > today) date = `${Number(today.slice(0, 4)) - 1}${date.slice(4)}`;
    if (Number.isNaN(Date.parse(date)) || addDays(date, 0) !== date || date > today)
      return { answer: dutyDateReply(mention) };
    const deputies = await ctx.deps.db.member.findMany({
      where: { groupId: ctx.group.id, role: "deputy" },
      select: { platformUserId: true, name: true },
    });
    const deputy = deputies.find((d) => d.name === a.name || d.platformUserId === a.name);
    if (!deputy) return { answer: dutyUnknownDeputyReply(a.name, mention) };
    return {
      apply: async (tx) => {
        await tx.dutyActivity.create({
          data: {
            deputyId: deputy.platformUserId,
            deputyName: deputy.name,
            kind,
            date,
            note: a.note || null,
            loggedBy: `chat:${ctx.actor.id}`,
            loggedAt: ctx.at,
          },
        });
        return dutyLoggedReply({
          deputyName: deputy.name,
          label: rules.kinds[kind]!.label,
          date,
          points: pointsFor(rules, kind, 1),
          mention,
        });
      },
    };
  },
};
