// The proposals' own loop: how many were submitted, how many of those got their reply (办结率), and how many of
// the rated replies the deputies found satisfying (满意率: 满意 or 基本满意). Grouped SQL.
import type { Db } from "../infra/db/create-database.ts";

export interface ProposalFigures {
  drafts: number;
  submitted: number;
  answered: number;
  rated: number;
  satisfied: number;
  /** answered ÷ submitted; null when none was submitted. */
  closureRate: number | null;
  /** satisfied ÷ rated; null when none was rated. */
  satisfactionRate: number | null;
}

export async function proposalFigures(db: Db): Promise<ProposalFigures> {
  const [byStatus, bySatisfaction] = await Promise.all([
    db.proposal.groupBy({ by: ["status"], _count: { _all: true } }),
    db.proposal.groupBy({ by: ["satisfaction"], where: { satisfaction: { not: null } }, _count: { _all: true } }),
  ]);
  const n = (s: string) => byStatus.find((r) => r.status === s)?._count._all ?? 0;
  const answered = n("replied") + n("closed");
  const submitted = n("submitted") + answered;
  const rated = bySatisfaction.reduce((sum, r) => sum + r._count._all, 0);
  const satisfied = bySatisfaction
    .filter((r) => r.satisfaction === "满意" || r.satisfaction === "基本满意")
    .reduce((sum, r) => sum + r._count._all, 0);
  return {
    drafts: n("draft"),
    submitted,
    answered,
    rated,
    satisfied,
    closureRate: submitted ? answered / submitted : null,
    satisfactionRate: rated ? satisfied / rated : null,
  };
}
