// The duty ledger (履职积分) for a period: for every deputy of the groups, how many times each kind of
// activity happened, the points they earn under the rules, the total and the rank; and the months in which
// the deputy relayed no opinion (the "at least one a month" cadence). Counts are grouped SQL over what the
// bot recorded (reception attendance, relays, claims and closes in the audit trail, satisfied closes) and the
// activities staff logged, and (with the calendar) the duty days a deputy on the roster missed without leave;
// points are derived from them, never stored.
import type { Db } from "../infra/db/create-database.ts";
import { shanghaiDate } from "../infra/shanghai-time.ts";
import type { LedgerPeriod } from "./ledger-period.ts";
import type { BusinessCalendar } from "../infra/business-calendar.ts";
import { missedDutyDays } from "./missed-duty.ts";
import { pointsFor, type PointsRules } from "./points-rules.ts";

export interface LedgerLine {
  deputyId: string;
  name: string;
  total: number;
  rank: number;
  breakdown: Array<{ kind: string; label: string; count: number; points: number }>;
  /** Months of the period (so far) without a relayed opinion. */
  monthsWithoutOpinion: string[];
  /** The deputy's rank within each deputy group (联络群) they belong to, among that group's deputies. */
  groups: Array<{ groupId: number; name: string; rank: number }>;
}

type Counts = Map<string, Map<string, number>>;

function add(counts: Counts, deputyId: string, kind: string, n: number): void {
  const byKind = counts.get(deputyId) ?? new Map<string, number>();
  byKind.set(kind, (byKind.get(kind) ?? 0) + n);
  counts.set(deputyId, byKind);
}

/**
 * `calendar`: with it, missed duty days are derived from the roster and the logged reception days
 * (missed-duty.ts); without it, only the missed days staff logged count.
 */
export async function pointsLedger(
  db: Db,
  rules: PointsRules,
  period: LedgerPeriod,
  now: Date,
  calendar?: BusinessCalendar,
): Promise<LedgerLine[]> {
  const memberships = await db.member.findMany({
    where: { role: "deputy", group: { disabledAt: null } },
    select: { platformUserId: true, name: true, groupId: true, group: { select: { name: true } } },
    orderBy: { groupId: "asc" },
  });
  const deputies = new Map(memberships.map((m) => [m.platformUserId, m.name] as const));
  const ids = [...deputies.keys()];
  const inPeriod = { gte: period.from, lt: period.to };
  const [attended, relays, events, satisfied, logged, relayMonths] = await Promise.all([
    db.receptionAttendance.groupBy({
      by: ["platformUserId"],
      where: { platformUserId: { in: ids }, receptionDay: { date: { gte: period.firstDay, lte: period.lastDay } } },
      _count: { _all: true },
    }),
    db.ticket.groupBy({
      by: ["reporterId"],
      where: { reporterRole: "deputy_on_behalf", reporterId: { in: ids }, createdAt: inPeriod },
      _count: { _all: true },
    }),
    db.ticketEvent.groupBy({
      by: ["actorId", "kind"],
      where: { actorRole: "deputy", actorId: { in: ids }, kind: { in: ["assigned", "closed"] }, createdAt: inPeriod },
      _count: { _all: true },
    }),
    db.ticket.groupBy({
      by: ["assigneeId"],
      where: { assigneeId: { in: ids }, status: "closed", closedAt: inPeriod, rating: { in: ["满意", "基本满意"] } },
      _count: { _all: true },
    }),
    db.dutyActivity.groupBy({
      by: ["deputyId", "kind"],
      where: { voidedAt: null, deputyId: { in: ids }, date: { gte: period.firstDay, lte: period.lastDay } },
      _count: { _all: true },
    }),
    db.ticket.findMany({
      where: { reporterRole: "deputy_on_behalf", reporterId: { in: ids }, createdAt: inPeriod },
      select: { reporterId: true, createdAt: true },
    }),
  ]);
  const counts: Counts = new Map();
  for (const r of attended) add(counts, r.platformUserId, "reception", r._count._all);
  for (const r of relays) add(counts, r.reporterId, "relay", r._count._all);
  for (const r of events) add(counts, r.actorId, r.kind === "assigned" ? "claim" : "close", r._count._all);
  for (const r of satisfied) if (r.assigneeId) add(counts, r.assigneeId, "satisfied_close", r._count._all);
  for (const r of logged) add(counts, r.deputyId, r.kind, r._count._all);
  if (calendar)
    for (const [id, dates] of await missedDutyDays(db, calendar, period))
      if (deputies.has(id)) add(counts, id, "missed_duty", dates.length);

  const today = shanghaiDate(now).slice(0, 7);
  const monthsSoFar = period.months.filter((m) => m <= today);
  const relayedIn = new Map<string, Set<string>>();
  for (const t of relayMonths) {
    const months = relayedIn.get(t.reporterId) ?? new Set<string>();
    months.add(shanghaiDate(t.createdAt).slice(0, 7));
    relayedIn.set(t.reporterId, months);
  }

  const lines = ids.map((id) => {
    const byKind = counts.get(id) ?? new Map<string, number>();
    const breakdown = [...byKind]
      .filter(([kind]) => rules.kinds[kind])
      .map(([kind, count]) => ({ kind, label: rules.kinds[kind]!.label, count, points: pointsFor(rules, kind, count) }))
      .sort((a, b) => b.points - a.points);
    return {
      deputyId: id,
      name: deputies.get(id)!,
      total: breakdown.reduce((n, b) => n + b.points, 0),
      rank: 0,
      breakdown,
      monthsWithoutOpinion: monthsSoFar.filter((m) => !relayedIn.get(id)?.has(m)),
      groups: [] as LedgerLine["groups"],
    };
  });
  lines.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, "zh"));
  // Equal totals share a rank (1, 2, 2, 4).
  lines.forEach((l, i) => (l.rank = i > 0 && lines[i - 1]!.total === l.total ? lines[i - 1]!.rank : i + 1));
  // Within each deputy group: the same order, ranked among that group's deputies only.
  const byId = new Map(lines.map((l) => [l.deputyId, l]));
  const groupIds = [...new Set(memberships.map((m) => m.groupId))];
  for (const groupId of groupIds) {
    const members = memberships.filter((m) => m.groupId === groupId);
    const ranked = lines.filter((l) => members.some((m) => m.platformUserId === l.deputyId));
    ranked.forEach((l, i) => {
      const rank =
        i > 0 && ranked[i - 1]!.total === l.total ? byId.get(ranked[i - 1]!.deputyId)!.groups.at(-1)!.rank : i + 1;
      l.groups.push({ groupId, name: members[0]!.group.name, rank });
    });
  }
  return lines;
}
