// What the platforms' errcodes mean for delivery. Both platforms answer HTTP 200 when they refuse, so
// the errcode is the only signal. Three outcomes: retry this message later (transient), stop sending to
// the whole destination for a while (throttled: the robot is over its rate limit), or park the message
// with a reason an admin can act on (permanent). Sources: ../shared/docs/platforms.md §4–5.

export interface ErrcodeMeaning {
  permanent: boolean;
  /** Sending to this destination must pause this long (the platform is rate-limiting the robot). */
  throttleMs?: number;
  /** For the admin reading a parked message. */
  hint: string;
}

const MINUTE = 60_000;

const KNOWN: Record<number, ErrcodeMeaning> = {
  [-1]: { permanent: false, hint: "WeCom: system busy" },
  45009: { permanent: false, throttleMs: MINUTE, hint: "WeCom: frequency limit (20 messages a minute per robot)" },
  130101: { permanent: false, throttleMs: 10 * MINUTE, hint: "DingTalk: more than 20 messages a minute; the robot is blocked for 10 minutes" },
  310000: { permanent: true, hint: "DingTalk: the robot's security check failed (加签 secret, keyword or IP allow-list)" },
  300001: { permanent: true, hint: "DingTalk: the session or robot token does not exist (expired sessionWebhook?)" },
  40058: { permanent: true, hint: "WeCom: content over the length limit (markdown ≤ 4096 bytes)" },
  93000: { permanent: true, hint: "WeCom: invalid webhook URL (robot removed from the group?)" },
};

export function errcodeMeaning(errcode: number): ErrcodeMeaning {
  return KNOWN[errcode] ?? { permanent: true, hint: "not a known transient code" };
}
