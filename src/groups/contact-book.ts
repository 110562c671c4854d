// 代表联系册: every matter a deputy forwarded or handled, read from the audit trail (the events they
// caused as a deputy), so the record cannot drift from what happened to the tickets; and the reception
// days they attended, as staff logged them (接待登记).
import type { Db } from "../infra/db/create-database.ts";

export const CONTACT_BOOK_KINDS = ["created", "assigned", "progress", "replied", "closed"] as const;

export interface ContactBookEntry {
  at: Date;
  kind: string;
  number: string;
  note: string | null;
}

export async function contactBook(
  db: Db,
  deputyId: string,
  limit = 10,
): Promise<{ entries: ContactBookEntry[]; counts: Record<string, number>; receptionDays: number }> {
  const where = { actorId: deputyId, actorRole: "deputy", kind: { in: [...CONTACT_BOOK_KINDS] } };
  const [rows, groups, receptionDays] = await Promise.all([
    db.ticketEvent.findMany({
      where,
      orderBy: { id: "desc" },
      take: limit,
      select: { createdAt: true, kind: true, note: true, ticket: { select: { number: true } } },
    }),
    db.ticketEvent.groupBy({ by: ["kind"], where, _count: { _all: true } }),
    db.receptionAttendance.count({ where: { platformUserId: deputyId } }),
  ]);
  return {
    entries: rows.map((r) => ({ at: r.createdAt, kind: r.kind, number: r.ticket.number, note: r.note })),
    counts: Object.fromEntries(groups.map((g) => [g.kind, g._count._all])),
    receptionDays,
  };
}
