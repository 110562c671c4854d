// The chat's answers to 履职登记 (logging a deputy's activity for the duty ledger).
import { monthDay } from "../infra/shanghai-time.ts";
import type { OutboundBody } from "../outbox/outbound-body.ts";

export function dutyLoggedReply(f: {
  deputyName: string;
  label: string;
  date: string;
  points: number;
  mention: string[];
}): OutboundBody {
  const points = f.points === 0 ? "不计分" : f.points > 0 ? `计 ${f.points} 分` : `扣 ${-f.points} 分`;
  return {
    title: "履职登记",
    markdown: `已登记：${f.deputyName} ${monthDay(f.date)} ${f.label}（${points}）。如需更正，请在工作台“履职”页作废后重新登记。`,
    mentionUserIds: f.mention,
  };
}

export function dutyUnknownDeputyReply(name: string, mention: string[]): OutboundBody {
  return {
    title: "履职登记",
    markdown: `本群的代表中没有“${name}”，请核对姓名后重新发送。`,
    mentionUserIds: mention,
  };
}

export function dutyUnknownKindReply(kind: string, labels: string[], mention: string[]): OutboundBody {
  return {
    title: "履职登记",
    markdown: `无法识别履职类别“${kind}”。可登记的类别：${labels.join("、")}。到场、转达、认领、办结由系统自动记录。`,
    mentionUserIds: mention,
  };
}

export function dutyDateReply(mention: string[]): OutboundBody {
  return {
    title: "履职登记",
    markdown: "日期有误：请写已经过去的日期，例如“12月5日”。",
    mentionUserIds: mention,
  };
}

export function dutyNeedsGroupReply(mention: string[]): OutboundBody {
  return { title: "履职登记", markdown: "请在代表所在的联络群里登记履职。", mentionUserIds: mention };
}
