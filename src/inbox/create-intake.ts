// The Intake used by the platform routes: a cached group lookup and one durable INSERT per message.
import type { Db } from "../db/create-database.ts";
import type { AcceptResult, Intake } from "./intake.ts";
import type { InboundMessage } from "./inbound-message.ts";
import type { InboxWriter } from "./inbox-writer.ts";

/** Unknown groups are re-checked after this long, so a group registered by an admin is served soon. */
const NEGATIVE_CACHE_MS = 10_000;

export interface IntakeWithSignal extends Intake {
  /** Lets the in-process worker start at once instead of at its next poll. */
  onStored(fn: () => void): void;
}

export function createIntake(db: Db, writer: InboxWriter, now: () => Date = () => new Date()): IntakeWithSignal {
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
      const inserted = await writer.insert({
        channel: message.channel,
        platformMessageId: message.platformMessageId,
        payload: JSON.stringify(message),
        receivedAt: now(),
      });
      if (!inserted) return "duplicate";
      for (const fn of listeners) fn();
      return "stored";
    },

    onStored(fn) {
      listeners.push(fn);
    },
  };
}
