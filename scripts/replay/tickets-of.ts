// The replay's last line: every ticket as it stands at the end, with who follows it and who rated it.
import type { Db } from "../../src/infra/db/create-database.ts";

export async function ticketsOf(db: Db) {
  const tickets = await db.ticket.findMany({
    orderBy: { id: "asc" },
    include: { followers: { orderBy: { id: "asc" } } },
  });
  return tickets.map((t) => ({
    number: t.number,
    status: t.status,
    level1: t.categoryL1,
    level2: t.categoryL2,
    urgent: t.urgency === "immediate",
    place: t.place,
    reporterRole: t.reporterRole,
    followers: t.followers.map((f) => f.platformUserId),
    raters: t.followers
      .filter((f) => f.rating || f.resolved !== null)
      .map((f) => ({
        id: f.platformUserId,
        rating: f.rating,
        resolved: f.resolved,
      })),
  }));
}
