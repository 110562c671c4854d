// Everything the weekly digest of one group says, read from the database: the week's figures and the
// week before's for comparison, how many are overdue now (the list goes to the staff in the nudges, not
// to a group residents read), the top categories, hotspots (one matter reported
// by several residents), per-community and per-deputy lines. No resident's name or words are read:
// categories, places and ticket numbers only.
import type { Db } from "../infra/db/create-database.ts";
import { AWAITING_FEEDBACK, OPEN_STATUSES } from "../tickets/ticket-status.ts";
import { communityOf } from "./community-of.ts";
import { periodFigures, type Period } from "../tickets/period-figures.ts";
import type { WeeklyDigestData } from "../wording/weekly-digest.ts";

const countBy = (values: string[]) => {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
};

export async function weeklyDigestData(
  db: Db,
  group: { id: number; name: string; createdAt: Date },
  week: Period,
  previousWeek: Period,
  now: Date,
): Promise<WeeklyDigestData> {
  const groupId = group.id;
  const [current, previous, overdueCount, received, hotspots, events, deputies] = await Promise.all([
    periodFigures(db, groupId, week),
    periodFigures(db, groupId, previousWeek),
    db.ticket.count({
      where: { groupId, mergedIntoId: null, status: { in: [...AWAITING_FEEDBACK] }, feedbackDueAt: { lt: now } },
    }),
    db.ticket.findMany({
      where: { groupId, mergedIntoId: null, createdAt: { gte: week.from, lt: week.to } },
      select: { categoryL2: true, place: true, community: true, reporterId: true, reporterRole: true },
    }),
    db.ticket.findMany({
      where: {
        groupId,
        mergedIntoId: null,
        affectedCount: { gte: 2 },
        OR: [{ status: { in: [...OPEN_STATUSES] } }, { createdAt: { gte: week.from, lt: week.to } }],
      },
      orderBy: [{ affectedCount: "desc" }, { id: "asc" }],
      take: 5,
      select: { number: true, categoryL2: true, place: true, affectedCount: true },
    }),
    db.ticketEvent.findMany({
      where: {
        ticket: { groupId },
        actorRole: "deputy",
        createdAt: { gte: week.from, lt: week.to },
        kind: { in: ["assigned", "replied", "closed"] },
      },
      select: { actorId: true, kind: true },
    }),
    db.member.findMany({
      where: { groupId, role: "deputy" },
      orderBy: { id: "asc" },
      select: { platformUserId: true, name: true },
    }),
  ]);
  const tally = (id: string, kind: string) => events.filter((e) => e.actorId === id && e.kind === kind).length;
  // A group first seen after the week before had ended has no "week before" to compare with.
  const existedBefore = group.createdAt < previousWeek.to;
  return {
    groupName: group.name,
    current,
    previous: existedBefore ? previous : null,
    overdueCount,
    topCategories: countBy(received.map((t) => t.categoryL2)).slice(0, 5),
    hotspots: hotspots.map((t) => ({
      number: t.number,
      categoryL2: t.categoryL2,
      place: t.place,
      affected: t.affectedCount,
    })),
    communities: countBy(received.flatMap((t) => t.community ?? communityOf(t.place) ?? [])).slice(0, 8),
    deputies: deputies.map((d) => ({
      name: d.name,
      relayed: received.filter((t) => t.reporterRole === "deputy_on_behalf" && t.reporterId === d.platformUserId)
        .length,
      claimed: tally(d.platformUserId, "assigned"),
      replied: tally(d.platformUserId, "replied"),
      closed: tally(d.platformUserId, "closed"),
    })),
  };
}
