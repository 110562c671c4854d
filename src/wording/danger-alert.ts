// 即时转办: the post that tells a group's deputies and staff at once that a resident reported danger. It
// goes to the staff route, not the residents' group, and carries what they need to act (number, reason,
// category, place, when) but no resident's words or name.
import { formatShanghai } from "../infra/shanghai-time.ts";
import type { OutboundBody } from "../outbox/outbound-body.ts";

export interface DangerAlertFacts {
  number: string;
  /** Why it is urgent, e.g. "燃气泄漏". */
  reason: string;
  categoryL1: string;
  categoryL2: string;
  places: string[];
  groupName: string;
  at: Date;
  /** Deputies and staff of the group, mentioned. */
  mention: string[];
}

export function dangerAlert(f: DangerAlertFacts): OutboundBody {
  const lines = [
    `**紧急事项，请立即处置：工单 #${f.number}**`,
    `事由：${f.reason}`,
    `分类：${f.categoryL1} / ${f.categoryL2}`,
    `地点：${f.places.length > 0 ? f.places.join("，") : "居民未说明，请先联系居民确认"}`,
    `来源：${f.groupName}，${formatShanghai(f.at)}`,
    "已提示居民先采取安全措施并拨打相应的求助电话。",
    `请值班代表或工作人员立即联系处置，并在群里认领：认领 #${f.number}`,
  ];
  return { title: `紧急：工单 #${f.number}（${f.reason}）`, markdown: lines.join("\n\n"), mentionUserIds: f.mention };
}
