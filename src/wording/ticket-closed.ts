// Told to the reporter (and every resident who reported the same matter) when a ticket closes: the
// outcome, and the two questions of 评价 — is it fixed, and are you satisfied.
import type { OutboundBody } from "../outbox/outbound-body.ts";
import { CLOSE_REASON_LABEL, type CloseReason } from "../tickets/ticket-status.ts";

export function ticketClosedReply(f: {
  number: string;
  reason: CloseReason;
  note: string;
  who: string;
  askRating: boolean;
  mention: string[];
}): OutboundBody {
  const lines = [
    `**工单 #${f.number} 已办结（${CLOSE_REASON_LABEL[f.reason]}）**`,
    `办理结果：${f.note || CLOSE_REASON_LABEL[f.reason]}（${f.who}）`,
    ...(f.askRating
      ? [
          "请问问题是否已经解决？您对办理结果是否满意？",
          `请回复：评价 #${f.number} 满意 / 基本满意 / 不满意；问题没有解决请回复：评价 #${f.number} 未解决。`,
        ]
      : []),
  ];
  return { title: `工单 #${f.number} 已办结`, markdown: lines.join("\n\n"), mentionUserIds: f.mention };
}

export function ratingRecordedReply(f: {
  number: string;
  rating: string | null;
  resolved: boolean | null;
  reopened: boolean;
  mention: string[];
}): OutboundBody {
  const said = [f.resolved === true ? "问题已解决" : f.resolved === false ? "问题未解决" : null, f.rating]
    .filter(Boolean)
    .join("，");
  const text = f.reopened
    ? `感谢您的反馈（${said}）。工单 #${f.number} 已重新办理，我们会督促承办人再次跟进。`
    : `感谢您的评价（${said}），工单 #${f.number} 的评价已记录。`;
  return { title: `工单 #${f.number} 评价`, markdown: text, mentionUserIds: f.mention };
}
