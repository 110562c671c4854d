// Answers to what the bot cannot read (an image, a file, a voice or video message without words).
import type { OutboundBody } from "../outbox/outbound-body.ts";

const WHAT = { image: "图片", file: "文件", voice: "语音", video: "视频" } as const;

export type AttachmentKind = keyof typeof WHAT;

export const attachmentNote = (kind: AttachmentKind) => `［${WHAT[kind]}，仅作参考］`;

export function attachmentAskReply(kind: AttachmentKind, mention: string[]): OutboundBody {
  return {
    title: "请用文字说明",
    markdown: `收到您发的${WHAT[kind]}，谢谢！我暂时看不了${WHAT[kind]}内容，请用一两句话说明遇到的问题和具体地点（如小区、楼栋、路口），我来为您登记。`,
    mentionUserIds: mention,
  };
}

export function attachmentAddedReply(kind: AttachmentKind, number: string, mention: string[]): OutboundBody {
  return {
    title: `工单 #${number}`,
    markdown: `收到您发的${WHAT[kind]}，已记入工单 #${number} 的办理记录，供工作人员参考。如有新的情况，请用文字补充说明。`,
    mentionUserIds: mention,
  };
}
