// What happens to a message after a failed send, as a pure function of the row, the error and the clock:
//   throttled   the platform rate-limits the robot: the whole destination waits (attempt not counted)
//   park        a permanent refusal; or the retry horizon is reached: the reply route's own expiry
//               (response_url 1 h, a sessionWebhook's expiry) or, for robots and APIs, the give-up
//               horizon (MINYI_SEND_GIVE_UP_HOURS, 24 h); or too many sends of unknown outcome
//   retry       exponential back-off with jitter (2 s … 10 min); after a timeout at least a minute
// A timeout is not a failure we can retry freely: the platform may have delivered and only answered
// late. Such sends are counted, and after MAX_UNCERTAIN_SENDS the message is parked instead of sent
// again, so a slow platform gets at most that many copies. A platform that drops duplicates itself (the
// WeCom app's message/send with enable_duplicate_check) may be tried more often.
import { DeliveryError, NetworkFailure } from "./delivery-error.ts";
import { backoffMs } from "./backoff.ts";

export const MAX_UNCERTAIN_SENDS = 2;
const MAX_UNCERTAIN_WITH_PLATFORM_DEDUPE = 4;
const MIN_BACKOFF_AFTER_TIMEOUT_MS = 60_000;

export type RetryDecision =
  | { kind: "throttled"; until: Date; reason: string }
  | { kind: "park"; reason: string; uncertain: boolean }
  | { kind: "retry"; at: Date; reason: string; uncertain: boolean };

export interface FailedSend {
  attempts: number;
  uncertainSends: number;
  createdAt: Date;
  /** The route's own expiry, when it has one. */
  expiresAt: Date | null;
}

/** `platformDedupes`: the route's platform drops repeats itself (its sender says so). */
export function retryDecision(
  row: FailedSend,
  platformDedupes: boolean,
  err: unknown,
  now: Date,
  giveUpMs: number,
  random: () => number = Math.random,
): RetryDecision {
  const reason = String((err as Error)?.message ?? err).slice(0, 1000);
  if (err instanceof DeliveryError && err.throttleMs)
    return { kind: "throttled", until: new Date(now.getTime() + err.throttleMs), reason };
  const uncertain = err instanceof NetworkFailure && err.uncertain;
  if (!(err instanceof DeliveryError) || err.permanent) return { kind: "park", reason, uncertain };
  if (uncertain) {
    const cap = platformDedupes ? MAX_UNCERTAIN_WITH_PLATFORM_DEDUPE : MAX_UNCERTAIN_SENDS;
    if (row.uncertainSends + 1 >= cap) {
      return {
        kind: "park",
        uncertain,
        reason: `${reason}; no answer ${cap} times: it may have been delivered, so it is not sent again (retry by hand if it did not arrive)`,
      };
    }
  }
  const wait = Math.max(backoffMs(row.attempts, random), uncertain ? MIN_BACKOFF_AFTER_TIMEOUT_MS : 0);
  const at = new Date(now.getTime() + wait);
  const horizon = row.expiresAt ?? new Date(row.createdAt.getTime() + giveUpMs);
  if (at >= horizon) {
    const why = row.expiresAt
      ? `the reply route expires at ${horizon.toISOString()}`
      : `retried since ${row.createdAt.toISOString()}`;
    return { kind: "park", uncertain, reason: `${reason}; gave up: ${why}` };
  }
  return { kind: "retry", at, reason, uncertain };
}
