// 催办: finds tickets past a deadline that have not been nudged for it and queues, per group, one post
// listing them (never one post per ticket: a busy evening must not flood anyone), mentioning the
// assignees, or the group's staff for tickets nobody has claimed. The post goes to the group's staff route
// (an internal group or one-to-one messages), never to the residents' group. Each ticket is marked with a
// conditional update in the same transaction as the post, so two replicas running this at once nudge each
// ticket once; a ticket is nudged at most once per deadline and at most `maxNudges` times in all. Nothing
// is posted in quiet hours: the first run after them nudges what fell due meanwhile.
import { queueTicketWebhooks } from "../tickets/ticket-webhooks.ts";
import type { Db, Tx } from "../infra/db/create-database.ts";
import type { Logger } from "../infra/create-logger.ts";
import { inQuietHours, type QuietHours } from "../infra/quiet-hours.ts";
import { staffDestinationOf, staffRouteOf } from "../groups/group-routes.ts";
import { enqueue } from "../outbox/enqueue.ts";
import { overdueNudge, type OverdueItem } from "../wording/overdue-nudge.ts";
import { AWAITING_ASSIGNMENT, AWAITING_FEEDBACK } from "../tickets/ticket-status.ts";

const BATCH = 100;

type Due = Awaited<ReturnType<typeof findDue>>[number];

/** Nudges per ticket when MINYI_MAX_NUDGES is not set. */
export const DEFAULT_MAX_NUDGES = 3;

function findDue(db: Db, now: Date, maxNudges: number) {
  return db.ticket.findMany({
    where: {
      mergedIntoId: null,
      nudgeCount: { lt: maxNudges },
      OR: [
        { status: { in: [...AWAITING_FEEDBACK] }, feedbackDueAt: { lt: now }, feedbackNudgedAt: null },
        { status: { in: [...AWAITING_ASSIGNMENT] }, assigneeId: null, assignDueAt: { lt: now }, assignNudgedAt: null },
      ],
      // A disabled group (removed from the groups file) is not nudged: its tickets are only kept.
      NOT: { group: { is: { disabledAt: { not: null } } } },
    },
    orderBy: { id: "asc" },
    take: BATCH,
    select: {
      id: true,
      number: true,
      categoryL2: true,
      status: true,
      assigneeId: true,
      assignDueAt: true,
      feedbackDueAt: true,
      feedbackNudgedAt: true,
      groupId: true,
      group: { select: { staffRoute: true, members: { where: { role: "staff" }, select: { platformUserId: true } } } },
    },
  });
}

function stageOf(t: Due, now: Date): OverdueItem["stage"] {
  const feedbackLate =
    (AWAITING_FEEDBACK as readonly string[]).includes(t.status) &&
    !!t.feedbackDueAt &&
    t.feedbackDueAt < now &&
    !t.feedbackNudgedAt;
  return feedbackLate ? "feedback" : "assign";
}

/** Marks the ticket nudged for this deadline; false when another replica already did. */
async function markNudged(tx: Tx, t: Due, item: OverdueItem, key: string, now: Date): Promise<boolean> {
  const mark = item.stage === "feedback" ? { feedbackNudgedAt: now, assignNudgedAt: now } : { assignNudgedAt: now };
  const { count } = await tx.ticket.updateMany({
    where: { id: t.id, [item.stage === "feedback" ? "feedbackNudgedAt" : "assignNudgedAt"]: null },
    data: { ...mark, nudgeCount: { increment: 1 } },
  });
  if (count === 0) return false;
  await tx.ticketEvent.create({
    data: {
      ticketId: t.id,
      kind: "nudged",
      actorId: "system",
      actorRole: "system",
      note: item.stage,
      sourceKey: `job:${key}`,
      createdAt: now,
    },
  });
  await queueTicketWebhooks(tx, {
    ticketId: t.id,
    kind: "nudged",
    fromStatus: null,
    toStatus: null,
    actorRole: "system",
    note: item.stage,
    sourceKey: `job:${key}`,
    at: now,
  });
  return true;
}

export async function nudgeOverdue(
  db: Db,
  now: Date,
  log: Logger,
  options: { quietHours?: QuietHours | null; maxNudges?: number } = {},
): Promise<number> {
  if (inQuietHours(options.quietHours ?? null, now)) return 0;
  const byGroup = new Map<number | null, Due[]>();
  for (const t of await findDue(db, now, options.maxNudges ?? DEFAULT_MAX_NUDGES)) {
    const list = byGroup.get(t.groupId) ?? [];
    list.push(t);
    byGroup.set(t.groupId, list);
  }
  let nudged = 0;
  for (const [groupId, tickets] of byGroup) {
    const marked = await db.$transaction(async (tx) => {
      const items: OverdueItem[] = [];
      const keys: string[] = [];
      const mention = new Set<string>();
      for (const t of tickets) {
        const stage = stageOf(t, now);
        const item = {
          number: t.number,
          categoryL2: t.categoryL2,
          stage,
          dueAt: (stage === "feedback" ? t.feedbackDueAt : t.assignDueAt)!,
        };
        const key = `nudge:${t.id}:${stage}:${item.dueAt.toISOString()}`;
        if (!(await markNudged(tx, t, item, key, now))) continue; // another replica got here first
        items.push(item);
        keys.push(key);
        for (const id of t.assigneeId ? [t.assigneeId] : (t.group?.members ?? []).map((m) => m.platformUserId))
          mention.add(id);
      }
      if (items.length === 0) return [];
      await enqueue(
        tx,
        {
          // Unique: each ticket-deadline key is marked once, so the first one names this post.
          dedupeKey: items.length === 1 ? keys[0]! : `${keys[0]!}+${items.length - 1}`,
          route: staffRouteOf(tickets[0]!.group),
          destination: staffDestinationOf(groupId),
          body: overdueNudge(items, [...mention]),
        },
        now,
      );
      return items;
    });
    nudged += marked.length;
    if (marked.length > 0) log.info({ groupId, tickets: marked.map((i) => i.number) }, "overdue nudges queued");
  }
  return nudged;
}
