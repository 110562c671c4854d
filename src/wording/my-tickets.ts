// The answer to "我的工单": for deputies and staff the open tickets they handle, for residents the
// matters they reported or follow.
import type { OutboundBody } from "../outbox/outbound-body.ts";
import { statusLabel } from "../tickets/ticket-status.ts";
import { brief } from "./brief.ts";

export interface TicketLine {
  number: string;
  text: string;
  status: string;
  closeReason: string | null;
  overdue: boolean;
}

export function myTicketsReply(f: { handler: boolean; tickets: TicketLine[]; mention: string[] }): OutboundBody {
  const heading = f.handler ? "您承办的未办结工单" : "您反映或关注的工单";
  if (f.tickets.length === 0) {
    const none = f.handler
      ? "您目前没有承办中的工单。可以发送“认领 #编号”认领待办事项。"
      : "您目前没有反映过问题。如有需要，@我 说明问题和地点即可。";
    return { title: heading, markdown: none, mentionUserIds: f.mention };
  }
  const lines = f.tickets.map(
    (t) =>
      `- #${t.number} ${statusLabel(t.status, t.closeReason)}${t.overdue ? "（已超期）" : ""}：${brief(t.text, 24)}`,
  );
  return {
    title: heading,
    markdown: [`**${heading}（${f.tickets.length}）**`, ...lines].join("\n\n"),
    mentionUserIds: f.mention,
  };
}
