// The weekly digest (民意周报) of one group, as platform markdown. Split into numbered parts when it would
// not fit one message (WeCom markdown ≤ 4096 bytes). Names only deputies, never residents.
import { packBlocks } from "./pack-blocks.ts";
import { percent } from "./percent.ts";
import type { PeriodFigures } from "../tickets/period-figures.ts";
import type { OutboundBody } from "../outbox/outbound-body.ts";

/** What the digest says (read from the database by src/scheduled). */
export interface WeeklyDigestData {
  groupName: string;
  current: PeriodFigures;
  /** The week before; null when the group did not exist then (its first weekly digest). */
  previous: PeriodFigures | null;
  overdueCount: number;
  topCategories: Array<{ name: string; count: number }>;
  hotspots: Array<{ number: string; categoryL2: string; place: string | null; affected: number }>;
  communities: Array<{ name: string; count: number }>;
  deputies: Array<{ name: string; relayed: number; claimed: number; replied: number; closed: number }>;
}

/** Room left in each message for the part marker "（续 2/3）" and the platform's own additions. */
const MARKER_BYTES = 64;

function change(now: number, before: number): string {
  if (now === before) return "与上周持平";
  return now > before ? `较上周增加 ${now - before} 件` : `较上周减少 ${before - now} 件`;
}

/** `p`: null in the group's first week (it did not exist the week before: no comparison is made up). */
function overview(c: PeriodFigures, p: PeriodFigures | null, overdueCount: number): string {
  const satisfaction =
    c.ratings === 0 ? "本周暂无评价" : `满意率 ${percent(c.satisfactionRate)}（${c.ratings} 人评价）`;
  return [
    "**本周概况**",
    p
      ? `- 新收 ${c.received} 件（上周 ${p.received} 件，${change(c.received, p.received)}）`
      : `- 新收 ${c.received} 件（本群首周，暂无上周数据）`,
    p ? `- 办结 ${c.closedInPeriod} 件（上周 ${p.closedInPeriod} 件）` : `- 办结 ${c.closedInPeriod} 件`,
    `- 本周新收的 ${c.received} 件中已办结 ${c.receivedAndClosed} 件，办结率 ${percent(c.closureRate)}${p ? `（上周 ${percent(p.closureRate)}）` : ""}`,
    `- ${satisfaction}`,
    `- 超期未答复 ${overdueCount} 件`,
  ].join("\n");
}

export function weeklyDigest(d: WeeklyDigestData, range: string, maxBytes: number): OutboundBody[] {
  const title = `${d.groupName} · 民意周报（${range}）`;
  const blocks = [`**${title}**`, overview(d.current, d.previous, d.overdueCount)];
  if (d.hotspots.length) {
    blocks.push(
      [
        "**热点问题**（多位居民反映的同一事项）",
        ...d.hotspots.map(
          (h) => `- #${h.number} ${h.categoryL2}${h.place ? `（${h.place}）` : ""} · ${h.affected} 位居民反映`,
        ),
      ].join("\n"),
    );
  }
  if (d.topCategories.length)
    blocks.push(["**问题分类**", ...d.topCategories.map((c) => `- ${c.name} ${c.count} 件`)].join("\n"));
  if (d.communities.length)
    blocks.push(["**分社区**", ...d.communities.map((c) => `- ${c.name} ${c.count} 件`)].join("\n"));
  if (d.deputies.length) {
    blocks.push(
      [
        "**代表履职**",
        ...d.deputies.map(
          (x) =>
            `- ${x.name}：转交 ${x.relayed} 件 · 认领 ${x.claimed} 件 · 答复 ${x.replied} 件 · 办结 ${x.closed} 件`,
        ),
      ].join("\n"),
    );
  }
  if (d.current.received === 0 && d.overdueCount === 0)
    blocks.push("本周群内没有新反映的问题，感谢各位代表和居民的关注。");
  return numbered(title, packBlocks(blocks, maxBytes - MARKER_BYTES));
}

/** Numbers the parts of a post that had to be split: "（续 2/3）". */
export function numbered(title: string, parts: string[]): OutboundBody[] {
  return parts.map((markdown, i) => ({
    title: parts.length > 1 ? `${title}（${i + 1}/${parts.length}）` : title,
    markdown:
      parts.length > 1 && i > 0
        ? `（续 ${i + 1}/${parts.length}）\n\n${markdown}`
        : parts.length > 1
          ? `${markdown}\n\n（${i + 1}/${parts.length}）`
          : markdown,
    mentionUserIds: [],
  }));
}
