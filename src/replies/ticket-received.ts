// The first answer a resident sees. Polite service-desk Chinese: number, category, what happens next.
import type { OutboundBody } from "../outbound/reply-route.ts";

export interface TicketReceivedFacts {
  number: string;
  categoryL1: string;
  categoryL2: string;
  /** A deputy relayed a resident's matter. */
  onBehalf: boolean;
  /** Answered in a group (else one-to-one, e.g. through the WeCom app). */
  inGroup: boolean;
  /** Platform user id to mention in a group, if any. */
  mention?: string;
}

export function ticketReceivedReply(f: TicketReceivedFacts): OutboundBody {
  const who = f.onBehalf ? "您代居民反映的问题已登记" : "您反映的问题已收到";
  const lines = [
    `**${who}，工单编号 #${f.number}**`,
    `分类：${f.categoryL1} / ${f.categoryL2}`,
    `接下来：工作人员将尽快研究处理，转交相关代表和部门办理，办理进展会${f.inGroup ? "在本群" : "在这里"}反馈。`,
    f.inGroup ? `如需补充情况，请 @我 并注明 #${f.number}。` : `如需补充情况，请直接回复并注明 #${f.number}。`,
  ];
  return { title: `工单 #${f.number} 已受理`, markdown: lines.join("\n\n"), mentionUserIds: f.mention ? [f.mention] : [] };
}
