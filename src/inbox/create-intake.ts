// The Intake used by the platform routes: a cached group lookup and one durable INSERT per message.
// Both caches are bounded LRUs with a time to live: a flood of made-up group ids cannot grow memory, and
// a group registered, disabled or removed by an admin is seen within the TTL.
import { LRUCache } from "lru-cache";
import type { Db } from "../infra/db/create-database.ts";
import type { AcceptResult, Intake } from "./intake.ts";
import type { InboundMessage } from "./inbound-message.ts";
import type { InboxWriter } from "./inbox-writer.ts";

/** Group lookups are re-checked after this long. */
const CACHE_TTL_MS = 10_000;
/** At most this many group ids (known or unknown) are remembered. */
export const GROUP_CACHE_SIZE = 1_000;

export interface IntakeWithSignal extends Intake {
  /** Lets the in-process worker start at once instead of at its next poll. */
  onStored(fn: () => void): void;
  /** Group ids currently cached (bounded by GROUP_CACHE_SIZE). */
  cachedGroups(): number;
}

export function createIntake(db: Db, writer: InboxWriter, now: () => Date = () => new Date()): IntakeWithSignal {
  const groups = new LRUCache<string, boolean>({
    max: GROUP_CACHE_SIZE,
    ttl: CACHE_TTL_MS,
    perf: { now: () => now().getTime() },
  });
  const listeners: Array<() => void> = [];

  return {
    async isKnownGroup(platform, platformGroupId) {
      const key = `${platform}:${platformGroupId}`;
      const cached = groups.get(key);
      if (cached !== undefined) return cached;
      const found = await db.group.findFirst({
        where: { platform, platformGroupId, disabledAt: null },
        select: { id: true },
      });
      groups.set(key, found !== null);
      return found !== null;
    },

    async accept(message: InboundMessage, signature?: string): Promise<AcceptResult> {
      const outcome = await writer.insert({
        channel: message.channel,
        platformMessageId: message.platformMessageId,
        payload: JSON.stringify(message),
        receivedAt: now(),
        signature,
      });
      if (outcome === "stored") for (const fn of listeners) fn();
      return outcome;
    },

    onStored(fn) {
      listeners.push(fn);
    },

    cachedGroups: () => groups.size,
  };
}
