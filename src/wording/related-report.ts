// Answers to a message that belongs to a ticket already open: the reporter's follow-up, or another
// resident reporting the same matter (they are added as followers rather than opening a second ticket).
import type { OutboundBody } from "../outbox/outbound-body.ts";

export function followUpReply(number: string, closed: boolean, mention: string[]): OutboundBody {
  const text = closed
    ? `您补充的情况已记入工单 #${number}。该工单已办结，如问题仍未解决，请回复：评价 #${number} 未解决。`
    : `您补充的情况已记入工单 #${number}，承办人会一并处理。`;
  return { title: `工单 #${number} 补充情况`, markdown: text, mentionUserIds: mention };
}

export function duplicateLinkedReply(number: string, affected: number, mention: string[]): OutboundBody {
  return {
    title: `已有同类问题 #${number}`,
    markdown: `已有同类问题 #${number}，已为您关注，办理结果会一并告知您（目前共 ${affected} 位居民反映）。如情况不同，请 @我 补充说明。`,
    mentionUserIds: mention,
  };
}

/** The reporter answered "请问具体在哪…" and the place went onto the ticket. */
export function placeAddedReply(number: string, place: string, mention: string[]): OutboundBody {
  return {
    title: `工单 #${number} 已补充地点`,
    markdown: `谢谢您，地点“${place}”已补充到工单 #${number}，承办人会按这个地点去处理。`,
    mentionUserIds: mention,
  };
}
