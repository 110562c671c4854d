// The committee's monthly digest: every group's figures for the month, the reception days logged, and
// each deputy's tally against the "at least one opinion a month" cadence (opinions relayed to the bot;
// attendance at reception days is shown beside it), and with the points rules the month's duty-points ranking
// (定期履职通报), over the sub-district and within each deputy group.
import type { Db } from "../infra/db/create-database.ts";
import { shanghaiDate } from "../infra/shanghai-time.ts";
import { periodFigures, type Period } from "../tickets/period-figures.ts";
import type { MonthlyDigestData } from "../wording/monthly-digest.ts";
import { parseLedgerPeriod } from "../ledger/ledger-period.ts";
import { pointsLedger } from "../ledger/points-ledger.ts";
import type { PointsRules } from "../ledger/points-rules.ts";
import type { BusinessCalendar } from "../infra/business-calendar.ts";

/** `rules`: the duty ledger's points rules; with them the digest ranks the deputies by their month's points. */
export async function monthlyDigestData(
  db: Db,
  month: Period,
  rules?: PointsRules,
  calendar?: BusinessCalendar,
): Promise<MonthlyDigestData> {
  const firstDay = shanghaiDate(month.from);
  const lastDay = shanghaiDate(new Date(month.to.getTime() - 1));
  const groups = await db.group.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true } });
  const receptionDays = await db.receptionDay.findMany({
    where: { date: { gte: firstDay, lte: lastDay } },
    select: { groupId: true, visitors: true, attendance: { select: { platformUserId: true } } },
  });
  const members = await db.member.findMany({
    where: { role: "deputy" },
    orderBy: { id: "asc" },
    select: { platformUserId: true, name: true },
  });
  const deputies = [...new Map(members.map((m) => [m.platformUserId, m.name]))];
  const relayed = await db.ticket.findMany({
    where: {
      reporterRole: "deputy_on_behalf",
      createdAt: { gte: month.from, lt: month.to },
      reporterId: { in: deputies.map(([id]) => id) },
    },
    select: { reporterId: true },
  });
  const ledger = rules
    ? await pointsLedger(db, rules, parseLedgerPeriod(firstDay.slice(0, 7))!, month.to, calendar)
    : [];
  return {
    total: await periodFigures(db, undefined, month),
    ranking: ledger.map((l) => ({ name: l.name, total: l.total, rank: l.rank, groups: l.groups })),
    groups: await Promise.all(
      groups.map(async (g) => {
        const days = receptionDays.filter((r) => r.groupId === g.id);
        return {
          name: g.name,
          figures: await periodFigures(db, g.id, month),
          receptionDays: days.length,
          visitors: days.reduce((n, r) => n + (r.visitors ?? 0), 0),
        };
      }),
    ),
    deputies: deputies.map(([id, name]) => ({
      name,
      opinions: relayed.filter((t) => t.reporterId === id).length,
      receptions: receptionDays.filter((r) => r.attendance.some((a) => a.platformUserId === id)).length,
    })),
  };
}
