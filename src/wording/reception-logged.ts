// Answers to 接待登记 / 接待问题.
import type { OutboundBody } from "../outbox/outbound-body.ts";
import { chineseDate } from "./reception-reminder.ts";

export function receptionLogged(f: {
  date: string;
  visitors: number | null;
  present: string[];
  unknown: string[];
  mention: string[];
}): OutboundBody {
  const lines = [
    `**已登记 ${chineseDate(f.date)} 接待日**`,
    `来访群众：${f.visitors === null ? "未填写" : `${f.visitors} 人`}`,
    `到场代表：${f.present.length ? f.present.join("、") : "未填写"}`,
  ];
  if (f.unknown.length) lines.push(`未在本群代表名单中找到：${f.unknown.join("、")}，请核对姓名。`);
  lines.push("接待中群众反映的问题，请逐条发送“接待问题 日期 问题内容”，每条都会生成工单跟踪办理。");
  return { title: "接待日已登记", markdown: lines.join("\n\n"), mentionUserIds: f.mention };
}

export function receptionNeedsGroup(mention: string[]): OutboundBody {
  return {
    title: "请在联络群中登记",
    markdown: "接待日情况请在对应的代表联络群中登记，谢谢。",
    mentionUserIds: mention,
  };
}

export function receptionDateInFuture(date: string, mention: string[]): OutboundBody {
  return {
    title: "日期有误",
    markdown: `${chineseDate(date)} 还没有到，接待日情况请在当天或之后登记。如果日期写错了，请更正后重新发送，谢谢。`,
    mentionUserIds: mention,
  };
}

export function receptionDateNotReceptionDay(date: string, usage: string, mention: string[]): OutboundBody {
  return {
    title: "请确认日期",
    markdown: `${chineseDate(date)} 不是本群的接待日。如确实在这一天接待了群众，请在日期后加“确认”重新发送，例如：${usage.replace(/^(接待登记 \S+)/u, "$1 确认")}`,
    mentionUserIds: mention,
  };
}

export function receptionDateUnreadable(mention: string[]): OutboundBody {
  return {
    title: "日期有误",
    markdown: "没有看懂接待日的日期，请写成“12月10日”或“2026-12-10”，谢谢。",
    mentionUserIds: mention,
  };
}
