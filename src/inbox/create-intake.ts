// The Intake used by the platform routes: a cached group lookup and one INSERT per message.
import type { Db } from "../db/create-database.ts";
import { isUniqueViolation } from "../db/is-unique-violation.ts";
import type { AcceptResult, Intake } from "./intake.ts";
import type { InboundMessage } from "./inbound-message.ts";

/** Unknown groups are re-checked after this long, so a group registered by an admin is served soon. */
const NEGATIVE_CACHE_MS = 10_000;

export function createIntake(db: Db, now: () => Date = () => new Date()): Intake & { onStored(fn: () => void): void } {
  const known = new Set<string>();
  const unknownUntil = new Map<string, number>();
  const listeners: Array<() => void> = [];

  return {
    async isKnownGroup(platform, platformGroupId) {
      const key = `${platform}:${platformGroupId}`;
      if (known.has(key)) return true;
      if ((unknownUntil.get(key) ?? 0) > now().getTime()) return false;
      const found = await db.group.findUnique({ where: { platform_platformGroupId: { platform, platformGroupId } }, select: { id: true } });
      if (found) known.add(key);
      else unknownUntil.set(key, now().getTime() + NEGATIVE_CACHE_MS);
      return found !== null;
    },

    async accept(message: InboundMessage): Promise<AcceptResult> {
      try {
        await db.inboxMessage.create({
          data: { channel: message.channel, platformMessageId: message.platformMessageId, payload: JSON.stringify(message), receivedAt: now() },
          select: { id: true },
        });
      } catch (err) {
        if (isUniqueViolation(err)) return "duplicate";
        throw err;
      }
      for (const fn of listeners) fn();
      return "stored";
    },

    /** Lets the in-process worker start at once instead of at its next poll. */
    onStored(fn) {
      listeners.push(fn);
    },
  };
}
