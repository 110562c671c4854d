// Hotspots (热点): matters that recur over a period, across tickets and groups. A hotspot is the tickets of one
// second-level category at one place (the estate, road or landmark the analysis stored as `community`), found by
// grouped SQL; tickets with no place join by close wording instead (same category, text similarity). A hotspot
// carries its evidence: tickets, residents affected, groups, places, dates, how many are closed and how long
// that took, satisfaction, and masked sample quotes. Tickets closed as duplicates are left out (their residents
// are already counted in the ticket they were merged into), and so are tickets not yet categorised as matters.
import type { Db } from "../infra/db/create-database.ts";
import { maskForPost } from "../infra/mask-personal-data.ts";
import { addDays, shanghaiDate, shanghaiInstant } from "../infra/shanghai-time.ts";
import { textSimilarity } from "../understanding/extract/text-similarity.ts";
import { brief } from "../wording/brief.ts";

export interface HotspotQuery {
  /** Shanghai dates, both included. */
  from: string;
  to: string;
  /** Only the tickets of these groups; null: all. */
  groupIds: number[] | null;
  /** Only the hotspots with a ticket in one of these groups (a deputy's), evidence from every group; null: all. */
  touching?: number[] | null;
  /** The fewest tickets that make a hotspot (default 2); one ticket reported by more residents than this is one too. */
  minTickets?: number;
}

export interface Hotspot {
  /** Stable for a category and place: "<level2>|<place>" (place "~<n>" for a cluster by wording). */
  key: string;
  /** 1 = most tickets in the list it came in. */
  rank: number;
  level1: string;
  level2: string;
  /** The estate, road or landmark; null for a cluster found by wording. */
  place: string | null;
  tickets: number;
  residents: number;
  groups: number;
  /** The groups its tickets came from. */
  groupIds: number[];
  /** The specific places named (楼栋, 路口 …), most frequent first, at most five. */
  places: string[];
  firstDate: string;
  lastDate: string;
  closed: number;
  /** Mean days from report to close over the closed ones; null when none is closed. */
  meanDaysToClose: number | null;
  rated: number;
  satisfied: number;
  /** Up to three residents' words, masked and shortened. */
  quotes: string[];
  /** Newest first. */
  ticketNumbers: string[];
}

/** How alike two texts must be to join a cluster by wording (bigram Dice). */
const SIMILAR = 0.35;
/** Tickets with no place looked at for clusters by wording (the newest). */
const UNPLACED_LIMIT = 2_000;

const SELECT = {
  number: true,
  categoryL1: true,
  categoryL2: true,
  community: true,
  place: true,
  text: true,
  groupId: true,
  reporterId: true,
  affectedCount: true,
  status: true,
  createdAt: true,
  closedAt: true,
  rating: true,
} as const;

type Row = {
  number: string;
  categoryL1: string;
  categoryL2: string;
  community: string | null;
  place: string | null;
  text: string;
  groupId: number | null;
  reporterId: string;
  affectedCount: number;
  status: string;
  createdAt: Date;
  closedAt: Date | null;
  rating: string | null;
};

export async function findHotspots(db: Db, q: HotspotQuery): Promise<Hotspot[]> {
  const min = q.minTickets ?? 2;
  const base = {
    createdAt: { gte: shanghaiInstant(q.from), lt: shanghaiInstant(addDays(q.to, 1)) },
    // Not "NOT closeReason = duplicate": that is unknown, so false, for the open tickets' NULL.
    AND: [{ OR: [{ closeReason: null }, { closeReason: { not: "duplicate" } }] }],
    ...(q.groupIds ? { groupId: { in: q.groupIds } } : {}),
  };
  // A hotspot: at least `min` tickets, or one ticket that `min` + 1 residents reported (linked as duplicates).
  const keys = (
    await db.ticket.groupBy({
      by: ["categoryL2", "community"],
      where: { ...base, community: { not: null } },
      _count: { _all: true },
      _sum: { affectedCount: true },
    })
  ).filter((k) => k._count._all >= min || (k._sum.affectedCount ?? 0) > min);
  const placed =
    keys.length === 0
      ? []
      : await db.ticket.findMany({
          where: {
            ...base,
            AND: [...base.AND, { OR: keys.map((k) => ({ categoryL2: k.categoryL2, community: k.community })) }],
          },
          select: SELECT,
          orderBy: { id: "desc" },
        });
  const byKey = new Map<string, Row[]>();
  for (const t of placed) {
    const key = `${t.categoryL2}|${t.community}`;
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  const unplaced = await db.ticket.findMany({
    where: { ...base, community: null },
    select: SELECT,
    orderBy: { id: "desc" },
    take: UNPLACED_LIMIT,
  });
  clusterByWording(unplaced, min).forEach((rows, i) => byKey.set(`${rows[0]!.categoryL2}|~${i + 1}`, rows));

  const touching = q.touching ? new Set(q.touching) : null;
  const hotspots = [...byKey]
    .map(([key, rows]) => evidence(key, rows))
    .filter((h) => !touching || h.groupIds.some((g) => touching.has(g)));
  hotspots.sort(
    (a, b) =>
      b.tickets - a.tickets ||
      b.residents - a.residents ||
      a.level2.localeCompare(b.level2, "zh") ||
      (a.place ?? "").localeCompare(b.place ?? "", "zh"),
  );
  hotspots.forEach((h, i) => (h.rank = i + 1));
  return hotspots;
}

/** Greedy single pass: a ticket joins the first cluster of its category with a member alike enough. */
function clusterByWording(rows: Row[], min: number): Row[][] {
  const clusters: Row[][] = [];
  for (const r of rows) {
    const home = clusters.find(
      (c) => c[0]!.categoryL2 === r.categoryL2 && c.some((m) => textSimilarity(m.text, r.text) >= SIMILAR),
    );
    if (home) home.push(r);
    else clusters.push([r]);
  }
  return clusters.filter((c) => c.length >= min || c.reduce((n, r) => n + r.affectedCount, 0) > min);
}

function evidence(key: string, rows: Row[]): Hotspot {
  const closed = rows.filter((r) => r.status === "closed" && r.closedAt);
  const days = closed.map((r) => (r.closedAt!.getTime() - r.createdAt.getTime()) / 86_400_000);
  const placeCounts = new Map<string, number>();
  for (const r of rows) {
    const specific = r.place?.split(" / ")[0];
    if (specific) placeCounts.set(specific, (placeCounts.get(specific) ?? 0) + 1);
  }
  const dates = rows.map((r) => shanghaiDate(r.createdAt)).sort();
  const quotes = [...new Set(rows.map((r) => brief(maskForPost(r.text), 40)))].slice(0, 3);
  return {
    key,
    rank: 0,
    level1: rows[0]!.categoryL1,
    level2: rows[0]!.categoryL2,
    place: key.includes("|~") ? null : rows[0]!.community,
    tickets: rows.length,
    residents: rows.reduce((n, r) => n + Math.max(1, r.affectedCount), 0),
    groups: new Set(rows.map((r) => r.groupId)).size,
    groupIds: [...new Set(rows.flatMap((r) => (r.groupId === null ? [] : [r.groupId])))],
    places: [...placeCounts]
      .sort((a, b) => b[1] - a[1])
      .map(([p]) => p)
      .slice(0, 5),
    firstDate: dates[0]!,
    lastDate: dates.at(-1)!,
    closed: closed.length,
    meanDaysToClose: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    rated: rows.filter((r) => r.rating).length,
    satisfied: rows.filter((r) => r.rating === "满意" || r.rating === "基本满意").length,
    quotes,
    ticketNumbers: rows.map((r) => r.number),
  };
}
