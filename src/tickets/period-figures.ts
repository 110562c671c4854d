// A group's closed-loop figures for one period (a week, a month), as the digests print them:
//   received     tickets received in the period (merged duplicates left out: the matter counts once)
//   closedInPeriod  tickets closed in the period, whenever they were received
//   closureRate  办结率: of the tickets received in the period, the share closed by now (closed ÷ received)
//   satisfaction 满意率: (满意 + 基本满意) ÷ ratings given in the period
import type { Db } from "../infra/db/create-database.ts";
import { ratio } from "./loop-figures.ts";

export interface Period {
  from: Date;
  /** exclusive */
  to: Date;
}

export interface PeriodFigures {
  received: number;
  closedInPeriod: number;
  receivedAndClosed: number;
  closureRate: number | null;
  ratings: number;
  satisfied: number;
  satisfactionRate: number | null;
}

export async function periodFigures(db: Db, groupId: number | undefined, p: Period): Promise<PeriodFigures> {
  const scope = { mergedIntoId: null, ...(groupId !== undefined ? { groupId } : {}) };
  const within = { gte: p.from, lt: p.to };
  const [received, closedInPeriod, receivedAndClosed, ratings, satisfied] = await Promise.all([
    db.ticket.count({ where: { ...scope, createdAt: within } }),
    db.ticket.count({ where: { ...scope, status: "closed", closedAt: within } }),
    db.ticket.count({ where: { ...scope, createdAt: within, status: "closed" } }),
    // Every affected resident's own rating, each counted once (their latest).
    db.ticketFollower.count({ where: { ticket: scope, ratedAt: within, rating: { not: null } } }),
    db.ticketFollower.count({ where: { ticket: scope, ratedAt: within, rating: { in: ["满意", "基本满意"] } } }),
  ]);
  return {
    received,
    closedInPeriod,
    receivedAndClosed,
    closureRate: ratio(receivedAndClosed, received),
    ratings,
    satisfied,
    satisfactionRate: ratio(satisfied, ratings),
  };
}
