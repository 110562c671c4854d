// What the bot says when a message is not a matter to handle (thanks, greetings, chat, an empty @).
import type { OutboundBody } from "../outbox/outbound-body.ts";

const THANKS = /谢|感谢|辛苦|点赞|赞/u;

export function notAnIssueReply(text: string, mention?: string): OutboundBody {
  const markdown = THANKS.test(text)
    ? "不客气，感谢您对代表工作的支持！如还有其他问题，欢迎随时 @我 反映。"
    : "您好，我是代表联络助手。如需反映问题，请 @我 并说明具体情况和地点（如小区、楼栋、路口），我会为您登记工单并跟进办理。";
  return { title: "代表联络助手", markdown, mentionUserIds: mention ? [mention] : [] };
}
