// The digests due now: each group's weekly digest, and the monthly digest for the committee's groups.
import type { Db } from "../infra/db/create-database.ts";
import { monthlyDigestDue, weeklyDigestDue } from "./digest-schedule.ts";
import { monthlyDigestData } from "./monthly-digest-data.ts";
import { weeklyDigestData } from "./weekly-digest-data.ts";
import { pushDestinationOf, pushRouteOf } from "../groups/group-routes.ts";
import { MAX_MARKDOWN_BYTES, type OutboundBody } from "../outbox/outbound-body.ts";
import type { OutboxEntry } from "../outbox/enqueue.ts";
import { monthlyDigest } from "../wording/monthly-digest.ts";
import { weeklyDigest } from "../wording/weekly-digest.ts";
import type { DueRun } from "./scheduled-run.ts";
import type { PointsRules } from "../ledger/points-rules.ts";
import type { BusinessCalendar } from "../infra/business-calendar.ts";

/**
 * Both platforms get parts of at most 4096 bytes: WeCom's documented markdown limit; DingTalk documents
 * none for robot markdown, so the same budget is used there.
 */
const MAX_BYTES = MAX_MARKDOWN_BYTES;

function posts(runKey: string, group: { id: number; pushRoute: string | null }, bodies: OutboundBody[]): OutboxEntry[] {
  return bodies.map((body, i) => ({
    dedupeKey: `${runKey}:part${i + 1}`,
    route: pushRouteOf(group),
    destination: pushDestinationOf(group.id),
    body,
  }));
}

/** `rules`: the duty ledger's points rules, for the ranking in the monthly digest (none: no ranking). */
export async function digestRuns(
  db: Db,
  now: Date,
  rules?: PointsRules,
  calendar?: BusinessCalendar,
): Promise<DueRun[]> {
  const groups = await db.group.findMany({
    select: {
      id: true,
      name: true,
      pushRoute: true,
      committee: true,
      digestWeekday: true,
      digestTime: true,
      createdAt: true,
    },
  });
  const runs: DueRun[] = [];
  for (const g of groups) {
    const weekly = g.digestWeekday >= 1 ? weeklyDigestDue({ ...g, knownSince: g.createdAt }, now) : null;
    if (weekly) {
      const key = `digest:${g.id}:${weekly.weekKey}`;
      runs.push({
        key,
        job: "weekly-digest",
        groupId: g.id,
        dueAt: weekly.dueAt,
        compose: async () =>
          posts(
            key,
            g,
            weeklyDigest(await weeklyDigestData(db, g, weekly.week, weekly.previousWeek, now), weekly.range, MAX_BYTES),
          ),
      });
    }
    const monthly = g.committee ? monthlyDigestDue(g.createdAt, now) : null;
    if (monthly) {
      const key = `digest-monthly:${g.id}:${monthly.monthKey}`;
      runs.push({
        key,
        job: "monthly-digest",
        groupId: g.id,
        dueAt: monthly.dueAt,
        compose: async () =>
          posts(
            key,
            g,
            monthlyDigest(await monthlyDigestData(db, monthly.month, rules, calendar), monthly.label, MAX_BYTES),
          ),
      });
    }
  }
  return runs;
}
