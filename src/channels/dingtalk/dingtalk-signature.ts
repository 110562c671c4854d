// DingTalk robot HTTP callback signature: headers `timestamp` (ms, "消息发送的时间戳") and
// `sign` = base64(HmacSHA256(key = appSecret, msg = timestamp + "\n" + appSecret)).
// The documented window: a timestamp more than 1 hour from our clock is illegal. The timestamp is when
// DingTalk sent the callback, so it cannot be in our future beyond clock skew: ahead of us only
// MAX_AHEAD_MS is accepted. The sign covers only the timestamp, never the body: the route also refuses a
// sign that another message already used (src/channels/dingtalk/mount-callback.ts).
import { createHmac, timingSafeEqual } from "node:crypto";

/** "timestamp 与系统当前时间戳如果相差1小时以上，则认为是非法的请求". */
export const MAX_AGE_MS = 60 * 60 * 1000;
/** Clock skew tolerated for a timestamp ahead of our clock. */
export const MAX_AHEAD_MS = 5 * 60 * 1000;

export function computeDingtalkSign(timestampMs: string, secret: string): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`, "utf8").digest("base64");
}

export type SignatureCheck = "ok" | "missing" | "stale" | "mismatch";

export function checkDingtalkSignature(
  timestampMs: string | undefined,
  sign: string | undefined,
  secret: string,
  now: Date,
): SignatureCheck {
  if (!timestampMs || !sign) return "missing";
  const ts = Number(timestampMs);
  if (!/^\d{10,16}$/.test(timestampMs) || !Number.isSafeInteger(ts)) return "missing";
  const age = now.getTime() - ts;
  if (age > MAX_AGE_MS || age < -MAX_AHEAD_MS) return "stale";
  const expected = Buffer.from(computeDingtalkSign(timestampMs, secret), "utf8");
  const given = Buffer.from(sign, "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given) ? "ok" : "mismatch";
}
