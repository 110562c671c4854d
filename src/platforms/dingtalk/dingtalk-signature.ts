// DingTalk robot HTTP callback signature: headers `timestamp` (ms) and
// `sign` = base64(HmacSHA256(key = appSecret, msg = timestamp + "\n" + appSecret)); reject beyond ±1 h.
import { createHmac, timingSafeEqual } from "node:crypto";

export const MAX_SKEW_MS = 60 * 60 * 1000;

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
  if (Math.abs(now.getTime() - ts) > MAX_SKEW_MS) return "stale";
  const expected = Buffer.from(computeDingtalkSign(timestampMs, secret), "utf8");
  const given = Buffer.from(sign, "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given) ? "ok" : "mismatch";
}
