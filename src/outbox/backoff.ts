// Exponential back-off with jitter: ~2 s, 4 s, 8 s … capped at 10 minutes (DingTalk blocks a robot
// for 10 minutes after too many messages, so waiting longer than that never helps).

export const MAX_BACKOFF_MS = 10 * 60_000;

export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(2_000 * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);
  return Math.round(base * (0.75 + 0.5 * random()));
}
