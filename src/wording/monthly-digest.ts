// The committee's monthly digest (月度民意通报) across all groups, with the per-deputy tally against the
// "at least one opinion a month" cadence. Split into numbered parts when too long for one message.
import type { PeriodFigures } from "../tickets/period-figures.ts";
import { packBlocks } from "./pack-blocks.ts";
import type { OutboundBody } from "../outbox/outbound-body.ts";
import { numbered } from "./weekly-digest.ts";
import { percent } from "./percent.ts";

/** What the digest says (read from the database by src/scheduled). */
export interface MonthlyDigestData {
  total: PeriodFigures;
  groups: Array<{ name: string; figures: PeriodFigures; receptionDays: number; visitors: number }>;
  deputies: Array<{ name: string; opinions: number; receptions: number }>;
  /** The month's duty points, best first (empty without points rules). */
  ranking: Array<{ name: string; total: number; rank: number; groups: Array<{ name: string; rank: number }> }>;
}

const MARKER_BYTES = 64;

export function monthlyDigest(d: MonthlyDigestData, label: string, maxBytes: number): OutboundBody[] {
  const title = `月度民意通报（${label}）`;
  const t = d.total;
  const met = d.deputies.filter((x) => x.opinions > 0).length;
  const blocks = [
    `**${title}**`,
    [
      "**全部联络群合计**",
      `- 新收 ${t.received} 件，当月办结 ${t.closedInPeriod} 件`,
      `- 当月新收的件中已办结 ${t.receivedAndClosed} 件，办结率 ${percent(t.closureRate)}`,
      `- ${t.ratings ? `满意率 ${percent(t.satisfactionRate)}（${t.ratings} 人评价）` : "当月暂无评价"}`,
    ].join("\n"),
    [
      "**各联络群**",
      ...d.groups.map(
        (g) =>
          `- ${g.name}：新收 ${g.figures.received} 件 · 办结率 ${percent(g.figures.closureRate)} · 满意率 ${percent(g.figures.satisfactionRate)} · 接待日 ${g.receptionDays} 次（来访 ${g.visitors} 人）`,
      ),
    ].join("\n"),
  ];
  if (d.deputies.length) {
    blocks.push(
      [
        `**代表“每月至少反映一条民意”情况**：${met}/${d.deputies.length} 位已达成`,
        ...d.deputies.map(
          (x) =>
            `- ${x.name}：反映 ${x.opinions} 条 · 接待日到场 ${x.receptions} 次${x.opinions > 0 ? "" : "（本月尚未反映）"}`,
        ),
      ].join("\n"),
    );
  }
  if (d.ranking.length) {
    const groupNames = [...new Set(d.ranking.flatMap((x) => x.groups.map((g) => g.name)))];
    blocks.push(
      [
        "**履职积分排名**（按积分规则自动计算）",
        ...d.ranking.map((x) => `${x.rank}. ${x.name} ${x.total} 分`),
        ...groupNames.map(
          (group) =>
            `- ${group}：${d.ranking
              .flatMap((x) => x.groups.filter((g) => g.name === group).map((g) => ({ ...x, groupRank: g.rank })))
              .sort((a, b) => a.groupRank - b.groupRank)
              .map((x) => `${x.groupRank}. ${x.name} ${x.total} 分`)
              .join("，")}`,
        ),
      ].join("\n"),
    );
  }
  return numbered(title, packBlocks(blocks, maxBytes - MARKER_BYTES));
}
