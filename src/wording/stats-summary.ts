// The answer to "统计": the group's loop in figures, this month and since the start.
import type { OutboundBody } from "../outbox/outbound-body.ts";
import type { LoopFigures } from "../tickets/loop-figures.ts";
import { percent } from "./percent.ts";

function line(label: string, f: LoopFigures): string {
  return `${label}：受理 ${f.received} 件，办结 ${f.closed} 件，办结率 ${percent(f.closureRate)}；解决率 ${percent(f.resolutionRate)}（${f.resolutionAnswers} 人答复），满意率 ${percent(f.satisfactionRate)}（${f.ratings} 人评价）；超期未答复 ${f.overdue} 件`;
}

export function statsReply(f: {
  groupName: string;
  month: LoopFigures;
  total: LoopFigures;
  mention: string[];
}): OutboundBody {
  const lines = [
    `**${f.groupName} 办理情况**`,
    line("本月", f.month),
    line("累计", f.total),
    "办结率 = 办结 ÷ 受理；满意率 = （满意 + 基本满意）÷ 评价数；合并的重复工单不计。",
  ];
  return { title: "办理统计", markdown: lines.join("\n\n"), mentionUserIds: f.mention };
}
