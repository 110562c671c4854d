// The answer to "接待日是哪天？在哪里？": the group's next reception day from its rule, the time, the place and
// the deputies on duty; or that the group has none set.
import type { OutboundBody } from "../outbox/outbound-body.ts";
import { chineseDate } from "./reception-reminder.ts";

export interface ReceptionAnswerFacts {
  /** Null when the group has no reception day set. */
  next: { date: string; moved: boolean; startTime: string; endTime: string; place: string; duty: string[] } | null;
  mention: string[];
}

export function receptionAnswer(f: ReceptionAnswerFacts): OutboundBody {
  const n = f.next;
  const markdown = n
    ? [
        `**下一次人大代表接待日：${chineseDate(n.date)} ${n.startTime}—${n.endTime}**${n.moved ? "（遇节假日顺延）" : ""}`,
        `地点：${n.place}`,
        ...(n.duty.length ? [`值班代表：${n.duty.join("、")}`] : []),
        "欢迎届时前来当面反映；不便到场的，也可以随时在群里 @我 留言。",
      ].join("\n\n")
    : "本群暂未设置人大代表接待日。如需反映问题，可以随时在群里 @我 留言，工作人员会及时处理。";
  return { title: "人大代表接待日", markdown, mentionUserIds: f.mention };
}
