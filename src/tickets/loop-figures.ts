// The closed loop in figures, for tickets received in a period (a cohort): 办结率 = closed ÷ received;
// 解决率 = "fixed" answers ÷ answers to "is it fixed?"; 满意率 = (满意 + 基本满意) ÷ ratings, where every
// affected resident (reporter or follower) answers and rates for themselves, each counted once; overdue =
// still owing an answer past the feedback deadline. Tickets merged into another (duplicates) are left
// out: the matter is counted once, on the ticket that absorbed them.
import type { Db } from "../infra/db/create-database.ts";
import { AWAITING_FEEDBACK } from "./ticket-status.ts";

export interface LoopFigures {
  received: number;
  closed: number;
  closureRate: number | null;
  resolutionAnswers: number;
  resolved: number;
  resolutionRate: number | null;
  ratings: number;
  satisfied: number;
  satisfactionRate: number | null;
  overdue: number;
}

export interface LoopScope {
  groupId?: number;
  /** Only these groups (a deputy's on the desk). */
  groupIds?: number[];
  /** createdAt ≥ from */
  from?: Date;
  /** createdAt < to */
  to?: Date;
}

/** a ÷ b, or null when there is nothing to divide by (shown as "—"). */
export const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export async function loopFigures(db: Db, scope: LoopScope, now: Date): Promise<LoopFigures> {
  const base = {
    mergedIntoId: null,
    ...(scope.groupId !== undefined ? { groupId: scope.groupId } : {}),
    ...(scope.groupIds !== undefined && scope.groupId === undefined ? { groupId: { in: scope.groupIds } } : {}),
    ...(scope.from || scope.to
      ? { createdAt: { ...(scope.from ? { gte: scope.from } : {}), ...(scope.to ? { lt: scope.to } : {}) } }
      : {}),
  };
  const [received, closed, resolutionAnswers, resolved, ratings, satisfied, overdue] = await Promise.all([
    db.ticket.count({ where: base }),
    db.ticket.count({ where: { ...base, status: "closed" } }),
    db.ticketFollower.count({ where: { ticket: base, resolved: { not: null } } }),
    db.ticketFollower.count({ where: { ticket: base, resolved: true } }),
    db.ticketFollower.count({ where: { ticket: base, rating: { not: null } } }),
    db.ticketFollower.count({ where: { ticket: base, rating: { in: ["满意", "基本满意"] } } }),
    db.ticket.count({ where: { ...base, status: { in: [...AWAITING_FEEDBACK] }, feedbackDueAt: { lt: now } } }),
  ]);
  return {
    received,
    closed,
    closureRate: ratio(closed, received),
    resolutionAnswers,
    resolved,
    resolutionRate: ratio(resolved, resolutionAnswers),
    ratings,
    satisfied,
    satisfactionRate: ratio(satisfied, ratings),
    overdue,
  };
}
