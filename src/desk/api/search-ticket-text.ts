// Free text in the ticket list, looked up in an index first so that no query scans the whole table; the
// newest WINDOW matching ids below the cursor come back, and the list filters them further. When the window
// was full, the page's next cursor continues below its lowest id, so paging still reaches every match.
// - Three characters or more: on SQLite the FTS5 trigram index (TicketText, desk migration); on PostgreSQL the
//   list's own LIKE runs on pg_trgm indexes, so nothing is looked up here.
// - One or two letters or digits (井盖, 水): on SQLite the per-character FTS5 index (TicketChars), on PostgreSQL
//   the GIN index of characters and pairs (minyi_short_grams), both from the short_search migration; each
//   candidate is checked again with LIKE, so a pair split by punctuation ("f，好") is not a match.
// - Anything else (a short query with punctuation or spaces) falls back to the list's LIKE.
import type { Db } from "../../infra/db/create-database.ts";

/** The ids go back to the list as parameters of an IN list, and Prisma allows SQLite 999 of them per query. */
const WINDOW = 900;

export interface TextMatches {
  ids: number[];
  /** More matches may lie below the window's lowest id. */
  more: boolean;
}

/** The expression the PostgreSQL index is built on (must stay identical to the migration's). */
const PG_SHORT_GRAMS = `minyi_short_grams(coalesce("text", '') || chr(1) || coalesce("place", ''))`;

export async function searchTicketText(
  db: Db,
  kind: "sqlite" | "postgres",
  q: string,
  below: number | undefined,
): Promise<TextMatches | null> {
  const chars = [...q];
  const before = below ?? Number.MAX_SAFE_INTEGER;
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let rows: Array<{ id: number | bigint }>;
  if (chars.length >= 3) {
    if (kind !== "sqlite") return null;
    rows = await db.$queryRawUnsafe(
      `SELECT rowid AS id FROM "TicketText" WHERE "TicketText" MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?`,
      `"${q.replace(/"/g, '""')}"`,
      before,
      WINDOW,
    );
  } else if (!/^[\p{L}\p{N}]+$/u.test(q)) {
    return null;
  } else if (kind === "sqlite") {
    // The index first (MATERIALIZED: otherwise the planner may walk the ticket table and probe the index per
    // row), then the LIKE check on the window's candidates only.
    const candidates = await db.$queryRawUnsafe<Array<{ id: number | bigint; hit: number | bigint }>>(
      `WITH m AS MATERIALIZED (
         SELECT rowid AS id FROM "TicketChars" WHERE "TicketChars" MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?)
       SELECT m.id AS id, (t."text" LIKE ? ESCAPE '\\' OR coalesce(t."place", '') LIKE ? ESCAPE '\\') AS hit
       FROM m JOIN "Ticket" AS t ON t."id" = m.id ORDER BY m.id DESC`,
      `"${chars.join(" ")}"`,
      before,
      WINDOW,
      like,
      like,
    );
    return {
      ids: candidates.filter((c) => Number(c.hit) === 1).map((c) => Number(c.id)),
      more: candidates.length === WINDOW,
    };
  } else {
    rows = await db.$queryRawUnsafe(
      `SELECT "id" FROM "Ticket" WHERE ${PG_SHORT_GRAMS} @> ARRAY[$1]::text[] AND "id" < $2::bigint
       AND ("text" LIKE $3 OR "place" LIKE $3) ORDER BY "id" DESC LIMIT $4`,
      q,
      before,
      like,
      WINDOW,
    );
  }
  return { ids: rows.map((r) => Number(r.id)), more: rows.length === WINDOW };
}
