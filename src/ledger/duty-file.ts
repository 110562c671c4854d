// A deputy's duty file (履职档案) for a period: every activity with its date and evidence, in date order, from what
// the bot recorded (reception days attended, matters relayed, claims and closes, closes rated satisfying) and the
// activities staff logged (not voided), with the period's points. Residents' words appear masked and shortened.
import type { Db } from "../infra/db/create-database.ts";
import { maskForPost } from "../infra/mask-personal-data.ts";
import { shanghaiDate } from "../infra/shanghai-time.ts";
import { brief } from "../wording/brief.ts";
import type { LedgerPeriod } from "./ledger-period.ts";
import { pointsLedger, type LedgerLine } from "./points-ledger.ts";
import { missedDutyDays } from "./missed-duty.ts";
import type { BusinessCalendar } from "../infra/business-calendar.ts";
import type { PointsRules } from "./points-rules.ts";

export interface DutyFileEntry {
  date: string;
  kind: string;
  label: string;
  note: string;
  evidence: string;
}

export interface DutyFile {
  deputyId: string;
  name: string;
  groups: string[];
  period: string;
  points: LedgerLine | null;
  entries: DutyFileEntry[];
}

export async function dutyFile(
  db: Db,
  rules: PointsRules,
  deputyId: string,
  period: LedgerPeriod,
  now: Date,
  calendar?: BusinessCalendar,
): Promise<DutyFile | null> {
  const memberships = await db.member.findMany({
    where: { platformUserId: deputyId, role: "deputy" },
    select: { name: true, groupId: true, group: { select: { name: true } } },
  });
  const groupName = new Map(memberships.map((m) => [m.groupId, m.group.name]));
  if (memberships.length === 0) return null;
  const inPeriod = { gte: period.from, lt: period.to };
  const label = (kind: string) => rules.kinds[kind]?.label ?? kind;
  const [attended, relays, events, satisfied, logged, ledger] = await Promise.all([
    db.receptionAttendance.findMany({
      where: { platformUserId: deputyId, receptionDay: { date: { gte: period.firstDay, lte: period.lastDay } } },
      select: { receptionDay: { select: { date: true, visitors: true, groupId: true } } },
    }),
    db.ticket.findMany({
      where: { reporterRole: "deputy_on_behalf", reporterId: deputyId, createdAt: inPeriod },
      select: { number: true, createdAt: true, text: true },
    }),
    db.ticketEvent.findMany({
      where: { actorRole: "deputy", actorId: deputyId, kind: { in: ["assigned", "closed"] }, createdAt: inPeriod },
      select: { kind: true, createdAt: true, note: true, ticket: { select: { number: true } } },
    }),
    db.ticket.findMany({
      where: { assigneeId: deputyId, status: "closed", closedAt: inPeriod, rating: { in: ["满意", "基本满意"] } },
      select: { number: true, closedAt: true, rating: true },
    }),
    db.dutyActivity.findMany({
      where: { deputyId, voidedAt: null, date: { gte: period.firstDay, lte: period.lastDay } },
    }),
    pointsLedger(db, rules, period, now, calendar),
  ]);
  const missed = calendar ? ((await missedDutyDays(db, calendar, period)).get(deputyId) ?? []) : [];
  const entries: DutyFileEntry[] = [
    ...attended.map((a) => ({
      date: a.receptionDay.date,
      kind: "reception",
      label: label("reception"),
      note:
        (groupName.get(a.receptionDay.groupId) ?? "") +
        (a.receptionDay.visitors ? `，来访 ${a.receptionDay.visitors} 人` : ""),
      evidence: `接待日 ${a.receptionDay.date}`,
    })),
    ...relays.map((t) => ({
      date: shanghaiDate(t.createdAt),
      kind: "relay",
      label: label("relay"),
      note: brief(maskForPost(t.text), 40),
      evidence: `#${t.number}`,
    })),
    ...events.map((e) => {
      const kind = e.kind === "assigned" ? "claim" : "close";
      return {
        date: shanghaiDate(e.createdAt),
        kind,
        label: label(kind),
        note: e.note ? brief(maskForPost(e.note), 40) : "",
        evidence: `#${e.ticket.number}`,
      };
    }),
    ...satisfied.map((t) => ({
      date: shanghaiDate(t.closedAt!),
      kind: "satisfied_close",
      label: label("satisfied_close"),
      note: `群众评价：${t.rating}`,
      evidence: `#${t.number}`,
    })),
    ...missed.map((date) => ({
      date,
      kind: "missed_duty",
      label: label("missed_duty"),
      note: "按轮值表当日值班，未到场且未请假",
      evidence: `接待日 ${date}`,
    })),
    ...logged.map((a) => ({
      date: a.date,
      kind: a.kind,
      label: label(a.kind),
      note: a.note ?? "",
      evidence: a.evidence ?? `登记人 ${a.loggedBy}`,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return {
    deputyId,
    name: memberships[0]!.name,
    groups: [...new Set(memberships.map((m) => m.group.name))],
    period: period.label,
    points: ledger.find((l) => l.deputyId === deputyId) ?? null,
    entries,
  };
}
