// 催办: finds tickets past a deadline that have not been nudged for it, and queues one nudge each to
// the ticket's group (its push robot), mentioning the assignee, or the group's staff when nobody has
// claimed it. Marking the ticket and queueing the post happen in one transaction, and the mark is a
// conditional update, so two replicas running this at once nudge once.
import type { Db } from "../infra/db/create-database.ts";
import type { Logger } from "../infra/create-logger.ts";
import { pushDestinationOf, pushRouteOf } from "./push-route-of.ts";
import { enqueue } from "../outbox/enqueue.ts";
import { overdueNudge } from "../wording/overdue-nudge.ts";
import { AWAITING_ASSIGNMENT, AWAITING_FEEDBACK } from "../tickets/ticket-status.ts";

const BATCH = 100;

export async function nudgeOverdue(db: Db, now: Date, log: Logger): Promise<number> {
  const due = await db.ticket.findMany({
    where: {
      mergedIntoId: null,
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
      text: true,
      status: true,
      assigneeId: true,
      assignDueAt: true,
      feedbackDueAt: true,
      feedbackNudgedAt: true,
      groupId: true,
      group: { select: { pushRoute: true, members: { where: { role: "staff" }, select: { platformUserId: true } } } },
    },
  });
  let sent = 0;
  for (const t of due) {
    const feedbackLate =
      (AWAITING_FEEDBACK as readonly string[]).includes(t.status) &&
      !!t.feedbackDueAt &&
      t.feedbackDueAt < now &&
      !t.feedbackNudgedAt;
    const stage = feedbackLate ? "feedback" : "assign";
    const dueAt = (stage === "feedback" ? t.feedbackDueAt : t.assignDueAt)!;
    const mention = t.assigneeId ? [t.assigneeId] : (t.group?.members ?? []).map((m) => m.platformUserId);
    const key = `nudge:${t.id}:${stage}:${dueAt.toISOString()}`;
    const queued = await db.$transaction(async (tx) => {
      const mark = stage === "feedback" ? { feedbackNudgedAt: now, assignNudgedAt: now } : { assignNudgedAt: now };
      const { count } = await tx.ticket.updateMany({
        where: { id: t.id, [stage === "feedback" ? "feedbackNudgedAt" : "assignNudgedAt"]: null },
        data: mark,
      });
      if (count === 0) return false; // another replica got here first
      await tx.ticketEvent.create({
        data: {
          ticketId: t.id,
          kind: "nudged",
          actorId: "system",
          actorRole: "system",
          note: stage,
          sourceKey: `job:${key}`,
          createdAt: now,
        },
      });
      await enqueue(
        tx,
        {
          dedupeKey: key,
          route: pushRouteOf(t.group),
          destination: pushDestinationOf(t.groupId),
          body: overdueNudge({ number: t.number, text: t.text, stage, dueAt, mention }),
          ticketId: t.id,
        },
        now,
      );
      return true;
    });
    if (queued) {
      sent++;
      log.info({ ticket: t.number, stage }, "overdue nudge queued");
    }
  }
  return sent;
}
