// Is a new report really new? Compared with the open tickets of its group in the same second-level
// category from the last `relatedWindowDays`:
// - from the same resident and about the same place or in similar words → a follow-up to that ticket;
// - from another resident, same place and somewhat similar words (or, with no place named, clearly
//   similar words) → a duplicate: the resident is added to that ticket's followers.
// Reports relayed by a deputy always open their own ticket (one deputy relays many residents); staff
// can merge them (合并).
import type { Db } from "../infra/db/create-database.ts";
import { OPEN_STATUSES } from "../tickets/ticket-status.ts";
import { extractStructuredPlaces, type Place } from "../understanding/extract/extract-place.ts";
import { textSimilarity } from "../understanding/extract/text-similarity.ts";

/** The estate, road or landmark a place is in. */
function rootOf(p: Place | undefined): string | undefined {
  return p?.estate ?? p?.road ?? p?.landmark;
}

/** Both name a building (or a unit) and not the same one: 8栋 and 11栋 of one estate are two stairwells. */
function differentParts(a: Place | undefined, b: Place | undefined): boolean {
  const differ = (x?: string, y?: string) => x !== undefined && y !== undefined && x !== y;
  return differ(a?.building, b?.building) || differ(a?.unit, b?.unit);
}

/**
 * One place holds the other, or both are in the same estate, road or landmark without naming different
 * buildings or units in it.
 */
export function samePlace(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  const [pa, pb] = [extractStructuredPlaces(a)[0], extractStructuredPlaces(b)[0]];
  const root = rootOf(pa);
  return root !== undefined && root === rootOf(pb) && !differentParts(pa, pb);
}

export interface RelatedQuery {
  groupId: number;
  reporterId: string;
  categoryL2: string;
  places: string[];
  text: string;
  since: Date;
}

export interface RelatedTicket {
  id: number;
  number: string;
  status: string;
  affectedCount: number;
}

export const FOLLOW_UP_SIMILARITY = 0.4;
export const DUPLICATE_SIMILARITY_SAME_PLACE = 0.25;
export const DUPLICATE_SIMILARITY_NO_PLACE = 0.6;

export async function findRelatedTicket(
  db: Db,
  q: RelatedQuery,
): Promise<{ kind: "follow-up" | "duplicate"; ticket: RelatedTicket } | null> {
  const candidates = await db.ticket.findMany({
    where: {
      groupId: q.groupId,
      categoryL2: q.categoryL2,
      status: { in: [...OPEN_STATUSES] },
      mergedIntoId: null,
      createdAt: { gte: q.since },
    },
    orderBy: { id: "desc" },
    take: 50,
    select: {
      id: true,
      number: true,
      status: true,
      affectedCount: true,
      reporterId: true,
      place: true,
      text: true,
      followers: { select: { platformUserId: true } },
    },
  });
  for (const c of candidates) {
    const theirPlaces = c.place ? c.place.split(" / ") : [];
    const atSamePlace = q.places.some((p) => theirPlaces.some((t) => samePlace(p, t)));
    const similarity = textSimilarity(q.text, c.text);
    const ticket = { id: c.id, number: c.number, status: c.status, affectedCount: c.affectedCount };
    const own = c.reporterId === q.reporterId || c.followers.some((f) => f.platformUserId === q.reporterId);
    if (own) {
      if (atSamePlace || similarity >= FOLLOW_UP_SIMILARITY) return { kind: "follow-up", ticket };
      continue;
    }
    const noPlace = q.places.length === 0 && theirPlaces.length === 0;
    if (
      (atSamePlace && similarity >= DUPLICATE_SIMILARITY_SAME_PLACE) ||
      (noPlace && similarity >= DUPLICATE_SIMILARITY_NO_PLACE)
    ) {
      return { kind: "duplicate", ticket };
    }
  }
  return null;
}
