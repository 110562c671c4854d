// The first answer a resident sees. Polite service-desk Chinese: number, category, what happens next.
import type { OutboundBody } from "../outbox/outbound-body.ts";
import type { Advice } from "../understanding/extract/danger/danger.ts";
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
  /** What the resident should do at once when it is urgent. */
  advice?: Advice | null;
  /** The category is a guess below the confidence threshold; staff will confirm it. */
  needsReview: boolean;
  requestType: string | null;
  /** Platform user id to mention in a group, if any. */
  mention?: string;
  /** No place was named and the category cannot be handled without one: ask where. */
  askPlace?: boolean;
}

/** The advice line for each kind of danger: what to do before anyone arrives. */
export const ADVICE_LINE: Record<Advice, string> = {
  gas: "请勿开关电灯电器、勿动明火，立即开窗通风并撤到室外，在室外拨打燃气公司抢修电话；情况危急请拨打 119。",
  fire: "请立即拨打 119，迅速撤离，不要乘坐电梯。",
  medical: "请立即拨打 120，在医护人员到达前不要随意搬动伤者。",
  police: "请立即拨打 110，注意自身安全。",
  lift: "被困人员请保持冷静、按电梯内警铃或拨打轿厢内的救援电话，不要强行扒门；无人应答请拨打 119。",
  electric: "请远离断线和冒火花的地方，不要触碰，拨打供电抢修电话 95598；有人触电请拨打 120。",
  collapse: "请远离危险区域并提醒他人绕行；有人受伤请拨打 120，情况危急请拨打 119。",
  flood: "请先断开电源、把人和贵重物品转移到高处，不要进入积水的地下空间；情况危急请拨打 119。",
  rescue: "请立即拨打 119 请求救援，有人受伤请拨打 120；在救援到达前不要盲目施救。",
};

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
    ...(f.askPlace
      ? [
          `请问具体在哪个小区、几号楼（或哪条路、哪个路口）？${f.inGroup ? "请 @我 直接回复地点" : "直接回复地点"}即可，我会补到这张工单上。`,
        ]
      : []),
    ...(f.urgency === "immediate" && f.advice
      ? [`已按紧急事项即时转办，工作人员会尽快联系处理。${ADVICE_LINE[f.advice]}`]
      : URGENCY_LINE[f.urgency]
        ? [URGENCY_LINE[f.urgency]!]
        : []),
    `接下来：工作人员将尽快研究处理，转交相关代表和部门办理，办理进展会${f.inGroup ? "在本群" : "在这里"}反馈。`,
    f.inGroup ? `如需补充情况，请 @我 并注明 #${f.number}。` : `如需补充情况，请直接回复并注明 #${f.number}。`,
  ];
  return {
    title: `工单 #${f.number} 已受理`,
    markdown: lines.join("\n\n"),
    mentionUserIds: f.mention ? [f.mention] : [],
  };
}
