// The reception-day notices due now, for every group with a reception rule, posted through the group's
// push robot and mentioning the deputies on duty.
import type { BusinessCalendar } from "../infra/business-calendar.ts";
import type { Db } from "../infra/db/create-database.ts";
import { pushDestinationOf, pushRouteOf } from "../groups/group-routes.ts";
import { onDuty } from "../groups/duty-roster.ts";
import { receptionNoticesDue } from "./reception-notices-due.ts";
import { parseReceptionRow } from "../groups/reception-rule.ts";
import { receptionReminder } from "../wording/reception-reminder.ts";
import type { DueRun } from "./scheduled-run.ts";

export async function receptionReminderRuns(db: Db, now: Date, calendar: BusinessCalendar): Promise<DueRun[]> {
  const rows = await db.receptionRule.findMany({
    include: { group: { select: { pushRoute: true, members: { select: { platformUserId: true, name: true } } } } },
  });
  return rows.flatMap((row) => {
    const rule = parseReceptionRow(row);
    const names = new Map(row.group.members.map((m) => [m.platformUserId, m.name]));
    return receptionNoticesDue(rule, now, calendar).map((notice): DueRun => ({
      key: notice.key,
      job: "reception-reminder",
      groupId: row.groupId,
      dueAt: notice.dueAt,
      compose: async () => {
        const duty = onDuty(rule, notice.day).map((userId) => ({ userId, name: names.get(userId) ?? userId }));
        const body = receptionReminder({
          stage: notice.stage,
          date: notice.day.date,
          nominal: notice.day.nominal,
          startTime: rule.startTime,
          endTime: rule.endTime,
          place: rule.place,
          duty,
        });
        return [
          { dedupeKey: notice.key, route: pushRouteOf(row.group), destination: pushDestinationOf(row.groupId), body },
        ];
      },
    }));
  });
}
