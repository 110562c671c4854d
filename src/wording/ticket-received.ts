// The first answer a resident sees. Polite service-desk Chinese: number, category, what happens next.
import type { OutboundBody } from "../outbox/outbound-body.ts";
import { brief } from "./brief.ts";

export interface TicketReceivedFacts {
  number: string;
  categoryL1: string;
  categoryL2: string;
  /** A deputy relayed a resident's matter. */
  onBehalf: boolean;
  /** Answered in a group (else one-to-one, e.g. through the WeCom app). */
  inGroup: boolean;
  /** The resident's words (masked later by the outbox, like everything posted). */
  summary: string;
  /** Places named in the message. */
  places: string[];
  urgency: "immediate" | "priority" | "normal";
  /** The category is a guess below the confidence threshold; staff will confirm it. */
  needsReview: boolean;
  requestType: string | null;
  /** Platform user id to mention in a group, if any. */
  mention?: string;
}

const URGENCY_LINE: Record<TicketReceivedFacts["urgency"], string | null> = {
  immediate: "已按紧急事项即时转办，工作人员会尽快联系处理。如有人身危险，请先拨打 110 / 119 / 120。",
  priority: "涉及老人、儿童等群体，将优先办理。",
  normal: null,
};

export function ticketReceivedReply(f: TicketReceivedFacts): OutboundBody {
  const who = f.onBehalf ? "您代居民反映的问题已登记" : "您反映的问题已收到";
  const lines = [
    `**${who}，工单编号 #${f.number}**`,
    `事项：${brief(f.summary)}`,
    `分类：${f.categoryL1} / ${f.categoryL2}${f.requestType ? `（${f.requestType}）` : ""}${f.needsReview ? "（待工作人员确认）" : ""}`,
    ...(f.places.length > 0 ? [`地点：${f.places.join("，")}`] : []),
    ...(URGENCY_LINE[f.urgency] ? [URGENCY_LINE[f.urgency]!] : []),
    `接下来：工作人员将尽快研究处理，转交相关代表和部门办理，办理进展会${f.inGroup ? "在本群" : "在这里"}反馈。`,
    f.inGroup ? `如需补充情况，请 @我 并注明 #${f.number}。` : `如需补充情况，请直接回复并注明 #${f.number}。`,
  ];
  return {
    title: `工单 #${f.number} 已受理`,
    markdown: lines.join("\n\n"),
    mentionUserIds: f.mention ? [f.mention] : [],
  };
}
