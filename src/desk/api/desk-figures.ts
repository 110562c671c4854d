// The desk's figures for a period (tickets received in it, merged duplicates left out), each one grouped
// SQL over the ticket table, never a loop over rows in JavaScript: the closed-loop rates
// (src/tickets/loop-figures.ts), new and closed per week (Monday-based weeks in Asia/Shanghai), tickets by
// first-level category, hotspots by community, and per handler.
import type { Db } from "../../infra/db/create-database.ts";
import { loopFigures, type LoopFigures } from "../../tickets/loop-figures.ts";

export interface DeskFigures extends LoopFigures {
  weekly: Array<{ week: string; received: number; closed: number }>;
  categories: Array<{ level1: string; count: number }>;
  hotspots: Array<{ community: string; count: number }>;
  handlers: Array<{ handler: string; handled: number; closed: number }>;
}

export interface FiguresScope {
  /** null: every group. */
  groupIds: number[] | null;
  from: Date;
  to: Date;
}

/** Week start (Monday, Shanghai) of a timestamp column, as YYYY-MM-DD, per database. */
function weekOf(kind: "sqlite" | "postgres", column: string): string {
  if (kind === "postgres") return `to_char(date_trunc('week', "${column}" + interval '8 hours'), 'YYYY-MM-DD')`;
  // Prisma stores SQLite DateTime as ISO 8601 text (UTC with its offset); day in Shanghai, then back to Monday.
  const day = `date(substr("${column}", 1, 19), '+8 hours')`;
  return `date(${day}, '-' || ((cast(strftime('%w', ${day}) as integer) + 6) % 7) || ' days')`;
}

async function weekly(db: Db, kind: "sqlite" | "postgres", s: FiguresScope) {
  const groups = s.groupIds === null ? "" : `AND "groupId" IN (${s.groupIds.map(Number).join(",") || "NULL"})`;
  const count = async (column: "createdAt" | "closedAt") => {
    const param = (i: number) => (kind === "postgres" ? `$${i}` : "?");
    const sql = `SELECT ${weekOf(kind, column)} AS week, COUNT(*) AS n FROM "Ticket"
      WHERE "mergedIntoId" IS NULL AND "${column}" >= ${param(1)} AND "${column}" < ${param(2)} ${groups}
      GROUP BY week ORDER BY week`;
    const from = kind === "postgres" ? s.from : s.from.toISOString().replace("Z", "+00:00");
    const to = kind === "postgres" ? s.to : s.to.toISOString().replace("Z", "+00:00");
    const rows = await db.$queryRawUnsafe<Array<{ week: string; n: bigint | number }>>(sql, from, to);
    return new Map(rows.map((r) => [r.week, Number(r.n)]));
  };
  const [received, closed] = await Promise.all([count("createdAt"), count("closedAt")]);
  return [...new Set([...received.keys(), ...closed.keys()])]
    .sort()
    .map((week) => ({ week, received: received.get(week) ?? 0, closed: closed.get(week) ?? 0 }));
}

export async function deskFigures(
  db: Db,
  kind: "sqlite" | "postgres",
  s: FiguresScope,
  now: Date,
): Promise<DeskFigures> {
  const where = {
    mergedIntoId: null,
    createdAt: { gte: s.from, lt: s.to },
    ...(s.groupIds !== null ? { groupId: { in: s.groupIds } } : {}),
  };
  const [loop, weeks, categories, hotspots, handled, closed] = await Promise.all([
    loopFigures(db, { from: s.from, to: s.to, ...(s.groupIds !== null ? { groupIds: s.groupIds } : {}) }, now),
    weekly(db, kind, s),
    db.ticket.groupBy({ by: ["categoryL1"], where, _count: { _all: true } }),
    db.ticket.groupBy({
      by: ["community"],
      where: { ...where, community: { not: null } },
      _count: { _all: true },
      orderBy: { _count: { community: "desc" } },
      take: 10,
    }),
    db.ticket.groupBy({
      by: ["assigneeName"],
      where: { ...where, assigneeName: { not: null } },
      _count: { _all: true },
    }),
    db.ticket.groupBy({
      by: ["assigneeName"],
      where: { ...where, assigneeName: { not: null }, status: "closed" },
      _count: { _all: true },
    }),
  ]);
  const closedBy = new Map(closed.map((c) => [c.assigneeName, c._count._all]));
  return {
    ...loop,
    weekly: weeks,
    categories: categories
      .map((c) => ({ level1: c.categoryL1, count: c._count._all }))
      .sort((a, b) => b.count - a.count),
    hotspots: hotspots.map((h) => ({ community: h.community ?? "", count: h._count._all })),
    handlers: handled
      .map((h) => ({
        handler: h.assigneeName ?? "",
        handled: h._count._all,
        closed: closedBy.get(h.assigneeName) ?? 0,
      }))
      .sort((a, b) => b.handled - a.handled),
  };
}
