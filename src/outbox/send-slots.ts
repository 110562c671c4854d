// The per-destination rate limit, shared through the database by every worker and replica. A
// destination has `perMinute` slots, each holding when it was last used. A send takes the slot used
// longest ago, and only if that use is at least a window old, with a conditional UPDATE on the old
// value, so two workers cannot take the same slot. Hence at most `perMinute` sends start in any window,
// whatever the number of replicas (their clocks assumed in step to within a second: the window has a
// one-second margin for that and for network delay).
import type { Db } from "../infra/db/create-database.ts";
import { isUniqueViolation } from "../infra/db/is-unique-violation.ts";

export interface RateLimit {
  perMinute: number;
}

export const WINDOW_MS = 61_000;

export type SlotOutcome = { taken: true } | { taken: false; freeAt: Date };

const EPOCH = new Date(0);

export async function takeSendSlot(db: Db, destination: string, limit: RateLimit, now: Date): Promise<SlotOutcome> {
  await ensureSlots(db, destination, limit.perMinute);
  for (let tries = 0; tries < 5; tries++) {
    const oldest = await db.sendSlot.findFirst({
      where: { destination, slot: { lt: limit.perMinute } },
      orderBy: [{ usedAt: "asc" }, { slot: "asc" }],
    });
    if (!oldest) throw new Error(`no send slots for ${destination}`);
    const freeAt = new Date(oldest.usedAt.getTime() + WINDOW_MS);
    if (freeAt > now) return { taken: false, freeAt };
    const { count } = await db.sendSlot.updateMany({
      where: { destination, slot: oldest.slot, usedAt: oldest.usedAt },
      data: { usedAt: now },
    });
    if (count === 1) return { taken: true };
    // another worker took that slot between our read and write: look again
  }
  return { taken: false, freeAt: new Date(now.getTime() + 1_000) };
}

/** Destinations whose slots exist, per database client. */
const ready = new WeakMap<Db, Map<string, number>>();

async function ensureSlots(db: Db, destination: string, perMinute: number): Promise<void> {
  const known = ready.get(db) ?? new Map<string, number>();
  ready.set(db, known);
  if ((known.get(destination) ?? 0) >= perMinute) return;
  const existing = new Set(
    (await db.sendSlot.findMany({ where: { destination }, select: { slot: true } })).map((s) => s.slot),
  );
  for (let slot = 0; slot < perMinute; slot++) {
    if (existing.has(slot)) continue;
    try {
      await db.sendSlot.create({ data: { destination, slot, usedAt: EPOCH } });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // another worker created it
    }
  }
  known.set(destination, perMinute);
}
