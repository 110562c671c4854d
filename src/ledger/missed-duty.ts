// Missed duty days (接待日缺席，未请假), derived: on each reception day staff logged (接待登记) in the period, the
// deputies the group's roster put on duty that day who are not in the attendance and have no leave (请假) logged
// for that date. Days nobody logged count for nobody: the ledger does not guess attendance. A missed day staff
// logged by hand for the same deputy and date is not counted twice.
import type { BusinessCalendar } from "../infra/business-calendar.ts";
import type { Db } from "../infra/db/create-database.ts";
import { onDuty } from "../groups/duty-roster.ts";
import { receptionDatesBetween } from "../groups/reception-days.ts";
import { parseReceptionRow } from "../groups/reception-rule.ts";
import type { LedgerPeriod } from "./ledger-period.ts";

/** deputy id → the dates they missed without leave. */
export async function missedDutyDays(
  db: Db,
  calendar: BusinessCalendar,
  period: LedgerPeriod,
): Promise<Map<string, string[]>> {
  const between = { gte: period.firstDay, lte: period.lastDay };
  const days = await db.receptionDay.findMany({
    where: { date: between },
    select: { groupId: true, date: true, attendance: { select: { platformUserId: true } } },
  });
  const missed = new Map<string, string[]>();
  if (days.length === 0) return missed;
  const [rules, excused] = await Promise.all([
    db.receptionRule.findMany({ where: { groupId: { in: [...new Set(days.map((d) => d.groupId))] } } }),
    db.dutyActivity.findMany({
      where: { kind: { in: ["leave", "missed_duty"] }, voidedAt: null, date: between },
      select: { deputyId: true, date: true },
    }),
  ]);
  const isExcused = (id: string, date: string) => excused.some((e) => e.deputyId === id && e.date === date);
  for (const day of days) {
    const row = rules.find((r) => r.groupId === day.groupId);
    if (!row) continue;
    const rule = parseReceptionRow(row);
    const reception = receptionDatesBetween(rule, day.date, day.date, calendar).find((d) => d.date === day.date);
    if (!reception) continue; // a day logged outside the rule (接待登记 … 确认): no roster for it
    for (const id of onDuty(rule, reception)) {
      if (day.attendance.some((a) => a.platformUserId === id) || isExcused(id, day.date)) continue;
      missed.set(id, [...(missed.get(id) ?? []), day.date]);
    }
  }
  return missed;
}
