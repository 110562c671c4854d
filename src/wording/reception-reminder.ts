// The reception-day notices: three days before, and on the morning of the day. They name the time, the
// place and the deputies on duty (mentioned, so they are notified), and say when a holiday moved the day.
import { monthDay } from "../infra/shanghai-time.ts";
import type { OutboundBody } from "../outbox/outbound-body.ts";
import { isoWeekday } from "../groups/reception-days.ts";

const WEEKDAYS = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];

/** "12月10日（周四）" */
export function chineseDate(date: string): string {
  return `${monthDay(date)}（${WEEKDAYS[isoWeekday(date)]}）`;
}

export interface ReceptionNotice {
  stage: "T-3" | "T-0";
  date: string;
  nominal: string;
  startTime: string;
  endTime: string;
  place: string;
  /** Deputies on duty: user id and name. */
  duty: Array<{ userId: string; name: string }>;
}

export function receptionReminder(n: ReceptionNotice): OutboundBody {
  const names = n.duty.length ? n.duty.map((d) => d.name).join("、") : "（值班代表待定，请工作人员安排）";
  const moved =
    n.date !== n.nominal ? `\n\n（原定 ${chineseDate(n.nominal)} 适逢休息日，顺延至 ${chineseDate(n.date)}。）` : "";
  const lines =
    n.stage === "T-3"
      ? [
          "**人大代表接待日预告**",
          `本次接待日定于 ${chineseDate(n.date)} ${n.startTime}—${n.endTime}，地点：${n.place}。`,
          `值班代表：${names}。`,
          "欢迎居民朋友届时前来，当面反映意见和建议；不便到场的，也可以随时在群里 @我 留言。",
        ]
      : [
          "**今天是人大代表接待日**",
          `时间：今天 ${n.startTime}—${n.endTime}`,
          `地点：${n.place}`,
          `值班代表：${names}`,
          "请值班代表准时到岗；欢迎居民朋友前来反映意见和建议。",
        ];
  return {
    title: n.stage === "T-3" ? `接待日预告：${chineseDate(n.date)}` : "今天是人大代表接待日",
    markdown: lines.join("\n\n") + moved,
    mentionUserIds: n.duty.map((d) => d.userId),
  };
}
