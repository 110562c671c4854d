// Free text in the ticket list. On PostgreSQL the list's LIKE condition runs on trigram indexes (pg_trgm) and
// needs nothing here. On SQLite a LIKE '%…%' scans every row, so a query of three characters or more is looked
// up in the FTS5 trigram index first (TicketText, see the desk migration): the newest WINDOW matching ids below
// the cursor, which the list then filters further. When the window was full, the page's next cursor continues
// below its lowest id, so paging still reaches every match. Shorter queries fall back to the scan.
import type { Db } from "../../infra/db/create-database.ts";

const WINDOW = 5_000;

export interface TextMatches {
  ids: number[];
  /** More matches may lie below the window's lowest id. */
  more: boolean;
}

export async function searchTicketText(
  db: Db,
  kind: "sqlite" | "postgres",
  q: string,
  below: number | undefined,
): Promise<TextMatches | null> {
  if (kind !== "sqlite" || [...q].length < 3) return null;
  const phrase = `"${q.replace(/"/g, '""')}"`;
  const rows = await db.$queryRawUnsafe<Array<{ id: number | bigint }>>(
    `SELECT rowid AS id FROM "TicketText" WHERE "TicketText" MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?`,
    phrase,
    below ?? Number.MAX_SAFE_INTEGER,
    WINDOW,
  );
  return { ids: rows.map((r) => Number(r.id)), more: rows.length === WINDOW };
}
