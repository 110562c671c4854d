// Ticket numbers are sequential per deployment and per year (Asia/Shanghai): 2026-0001, 2026-0002, …
// The counter row is incremented inside the caller's transaction: on PostgreSQL the row lock serializes
// concurrent replicas, on SQLite the single writer does; a rolled-back ticket leaves no gap.
import type { Tx } from "../infra/db/create-database.ts";

export function shanghaiYear(at: Date): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(at));
}

export function formatTicketNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(4, "0")}`;
}

export async function nextTicketNumber(tx: Tx, at: Date): Promise<string> {
  const year = shanghaiYear(at);
  const name = `ticket:${year}`;
  await tx.$executeRaw`INSERT INTO "Counter" ("name", "value") VALUES (${name}, 0) ON CONFLICT ("name") DO NOTHING`;
  const counter = await tx.counter.update({ where: { name }, data: { value: { increment: 1 } } });
  return formatTicketNumber(year, counter.value);
}
