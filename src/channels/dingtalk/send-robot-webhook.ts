// DingTalk custom robot (自定义机器人) webhook: POST to .../robot/send?access_token=…; with 加签 the URL
// also carries timestamp (ms) and sign = urlEncode(base64(HmacSHA256(secret, timestamp + "\n" + secret))).
import { createHmac } from "node:crypto";
import type { OutboundBody } from "../../outbox/outbound-body.ts";
import { callPlatform, type FetchLike } from "../../outbox/call-platform.ts";
import { DINGTALK_ERRCODES } from "./dingtalk-errcodes.ts";
import { dingtalkMarkdown } from "./dingtalk-markdown.ts";

export function dingtalkRobotSign(timestampMs: number, secret: string): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

/** The webhook URL with timestamp and sign added (URLSearchParams encodes the sign exactly once). */
export function signedRobotUrl(url: string, secret: string | undefined, now: Date): string {
  if (!secret) return url;
  const u = new URL(url);
  const ts = now.getTime();
  u.searchParams.set("timestamp", String(ts));
  u.searchParams.set("sign", dingtalkRobotSign(ts, secret));
  return u.toString();
}

export async function sendDingtalkRobotWebhook(
  route: { url: string; secret?: string | undefined },
  body: OutboundBody,
  now: Date,
  fetchImpl: FetchLike,
): Promise<void> {
  await callPlatform(
    signedRobotUrl(route.url, route.secret, now),
    { method: "POST", body: dingtalkMarkdown(body) },
    fetchImpl,
    DINGTALK_ERRCODES,
  );
}
