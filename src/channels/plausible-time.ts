// A platform's "when was this sent" as stored with the message. A value no platform would send (before
// 2000, beyond a day ahead of our clock, not a number) is replaced by the time we received it, so that
// what is acknowledged can always be processed: a poison timestamp must not make a real message fail
// in the worker after the platform was told it was stored.
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const MAX_AHEAD_MS = 24 * 3600_000;

export function plausibleSentAt(platformMs: number | undefined, receivedAt: Date): string {
  const ok =
    platformMs !== undefined &&
    Number.isFinite(platformMs) &&
    platformMs >= EARLIEST_MS &&
    platformMs <= receivedAt.getTime() + MAX_AHEAD_MS;
  return new Date(ok ? platformMs : receivedAt.getTime()).toISOString();
}
