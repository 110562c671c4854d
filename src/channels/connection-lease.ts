// One holder among replicas for a connection the platform allows only once (the WeCom AI bot's WebSocket: a
// second connection kicks the first). The lease is a row in the shared database: a replica holds it while
// it renews `expiresAt` before it runs out; when the holder dies or loses its database, the lease runs out
// and the next replica to try takes it. Taking it is one conditional UPDATE (held by me, or expired) or
// the INSERT of a missing row, so two replicas racing for it cannot both win: the UPDATE's condition is
// checked again under the row lock (PostgreSQL) or writes are serial (SQLite), and the INSERT has the key.
// Times are the replicas' wall clocks, which should agree within a small part of the lease.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Db } from "../infra/db/create-database.ts";
import { isUniqueViolation } from "../infra/db/is-unique-violation.ts";

/** A holder's name in leases: readable in the table (host and pid), unique per connection started. */
export function newHolderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

export type LeaseState = { held: true; until: Date } | { held: false; holder: string; until: Date };

/** Takes or renews the lease `name` for `holder` until `at + ttlMs`; says who holds it otherwise. */
export async function holdLease(db: Db, name: string, holder: string, at: Date, ttlMs: number): Promise<LeaseState> {
  const until = new Date(at.getTime() + ttlMs);
  const { count } = await db.connectionLease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lt: at } }] },
    data: { holder, expiresAt: until },
  });
  if (count === 1) return { held: true, until };
  try {
    await db.connectionLease.create({ data: { name, holder, expiresAt: until } });
    return { held: true, until };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const row = await db.connectionLease.findUnique({ where: { name } });
  // Gone between the two statements (released): the next round takes it.
  return { held: false, holder: row?.holder ?? "", until: row?.expiresAt ?? at };
}

/** Gives the lease up at once (a clean stop), so another replica need not wait for it to run out. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.connectionLease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(0) } });
}
