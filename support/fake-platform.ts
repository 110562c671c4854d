// A local HTTP server that speaks the platforms' send protocols: WeCom response_url, DingTalk
// sessionWebhook, WeCom gettoken + message/send, WeCom 消息推送 group webhook (key in the URL), the
// DingTalk custom robot webhook (checks timestamp and sign like DingTalk: 310000 when they are wrong),
// and DingTalk OpenAPI accessToken + robot/groupMessages/send. Like the platforms, it allows a robot 20
// messages a minute and answers more with 45009 (WeCom) or 130101 (DingTalk, which then blocks the robot
// for 10 minutes). It records every message it accepts, and can be told to answer a path with an errcode
// (HTTP 200, as the real platforms do).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { computeDingtalkSign } from "../src/channels/dingtalk/dingtalk-signature.ts";

export const WECOM_WEBHOOK_KEY = "test-webhook-key";
/** The key of a second robot: the one in the deputies' and staff's internal group (a staff route). */
export const WECOM_STAFF_WEBHOOK_KEY = "test-staff-webhook-key";
/** The robotCode of the DingTalk app robot that writes one to one. */
export const DINGTALK_ROBOT_CODE = "dingtestrobotcode";
export const DINGTALK_ROBOT_TOKEN = "test-robot-token";
export const DINGTALK_ROBOT_SECRET = "SECtest-robot-secret";
export const DINGTALK_APP_KEY = "dingtestappkey";
export const DINGTALK_OPENAPI_SECRET = "SECtest-app-secret";

export interface ReceivedPost {
  path: string;
  body: Record<string, unknown>;
  /** When it arrived, on the fake's clock. */
  at: Date;
}

export interface FakePlatform {
  url: string;
  received: ReceivedPost[];
  /** Messages refused because a robot went over 20 a minute (should stay 0 when we rate-limit). */
  overLimit: string[];
  /** Answers the next `times` calls to paths starting with `prefix` with this JSON. */
  failNext(prefix: string, times: number, answer: Record<string, unknown>): void;
  /** Calls to paths starting with `prefix` are accepted (recorded) but answered only after `ms`. */
  slow(prefix: string, ms: number): void;
  /** Resolves once `n` messages have been received (or rejects after timeoutMs). */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedPost[]>;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** `now`: the platform's clock (the tests' injected clock, so that "a minute" means the same to both). */
export async function startFakePlatform(now: () => Date = () => new Date()): Promise<FakePlatform> {
  const received: ReceivedPost[] = [];
  const failures: Array<{ prefix: string; times: number; answer: Record<string, unknown> }> = [];
  const slowPaths: Array<{ prefix: string; ms: number }> = [];
  const waiters: Array<() => void> = [];
  const overLimit: string[] = [];
  const sendTimes = new Map<string, number[]>();
  const blockedUntil = new Map<string, number>();
  /** Counts a send to a robot (real time, like the platform); true when it is over the limit. */
  const overTheLimit = (robot: string, blockMs: number): boolean => {
    const t = now().getTime();
    if ((blockedUntil.get(robot) ?? 0) > t) return true;
    const recent = (sendTimes.get(robot) ?? []).filter((x) => x > t - 60_000);
    if (recent.length >= 20) {
      if (blockMs) blockedUntil.set(robot, t + blockMs);
      overLimit.push(robot);
      return true;
    }
    sendTimes.set(robot, [...recent, t]);
    return false;
  };

  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? "/";
    const delay = slowPaths.find((p) => path.startsWith(p.prefix))?.ms ?? 0;
    const reply = (json: unknown) => {
      const answer = () => {
        if (res.destroyed) return; // the caller gave up waiting; the message was delivered all the same
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(json));
      };
      if (delay) setTimeout(answer, delay);
      else answer();
    };
    const body = req.method === "POST" ? await readJson(req) : {};
    const failure = failures.find((f) => path.startsWith(f.prefix) && f.times > 0);
    if (failure) {
      failure.times--;
      return reply(failure.answer);
    }
    if (path.startsWith("/cgi-bin/gettoken"))
      return reply({ errcode: 0, errmsg: "ok", access_token: "TOKEN-1", expires_in: 7200 });
    if (path.startsWith("/cgi-bin/message/send")) {
      if (!path.includes("access_token=TOKEN-1")) return reply({ errcode: 40014, errmsg: "invalid access_token" });
      received.push({ path, body, at: now() });
      for (const w of waiters) w();
      return reply({ errcode: 0, errmsg: "ok", msgid: `m${received.length}` });
    }
    if (path.startsWith("/cgi-bin/webhook/send")) {
      const key = new URL(path, "http://fake").searchParams.get("key");
      if (key !== WECOM_WEBHOOK_KEY && key !== WECOM_STAFF_WEBHOOK_KEY)
        return reply({ errcode: 93000, errmsg: "invalid webhook url" });
      if (overTheLimit(path, 0)) return reply({ errcode: 45009, errmsg: "api freq out of limit" });
      received.push({ path, body, at: now() });
      for (const w of waiters) w();
      return reply({ errcode: 0, errmsg: "ok" });
    }
    if (path.startsWith("/robot/send")) {
      const q = new URL(path, "http://fake").searchParams;
      const ts = q.get("timestamp") ?? "";
      if (q.get("access_token") !== DINGTALK_ROBOT_TOKEN)
        return reply({ errcode: 300001, errmsg: "token is not exist" });
      if (q.get("sign") !== computeDingtalkSign(ts, DINGTALK_ROBOT_SECRET))
        return reply({ errcode: 310000, errmsg: "sign not match" });
      if (overTheLimit(`robot:${q.get("access_token")}`, 10 * 60_000))
        return reply({ errcode: 130101, errmsg: "send too fast, exceed 20 times per minute" });
      received.push({ path, body, at: now() });
      for (const w of waiters) w();
      return reply({ errcode: 0, errmsg: "ok" });
    }
    if (path === "/v1.0/oauth2/accessToken") {
      if (body.appKey !== DINGTALK_APP_KEY || body.appSecret !== DINGTALK_OPENAPI_SECRET) {
        res.writeHead(400, { "content-type": "application/json" });
        return res.end(JSON.stringify({ code: "invalidClientId", message: "appKey or appSecret is wrong" }));
      }
      return reply({ accessToken: "DT-TOKEN-1", expireIn: 7200 });
    }
    if (path === "/v1.0/robot/groupMessages/send" || path === "/v1.0/robot/oToMessages/batchSend") {
      if (req.headers["x-acs-dingtalk-access-token"] !== "DT-TOKEN-1") {
        res.writeHead(401, { "content-type": "application/json" });
        return res.end(JSON.stringify({ code: "InvalidAuthentication", message: "不合法的access_token" }));
      }
      received.push({ path, body, at: now() });
      for (const w of waiters) w();
      return reply({ processQueryKey: `pqk-${received.length}` });
    }
    if (path.startsWith("/wecom/response/") || path.startsWith("/dingtalk/session/")) {
      received.push({ path, body, at: now() });
      for (const w of waiters) w();
      return reply({ errcode: 0, errmsg: "ok" });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    overLimit,
    failNext(prefix, times, answer) {
      failures.push({ prefix, times, answer });
    },
    slow(prefix, ms) {
      slowPaths.push({ prefix, ms });
    },
    waitFor(n, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length >= n) {
            clearTimeout(timer);
            resolve(received.slice());
            return true;
          }
          return false;
        };
        const timer = setTimeout(
          () => reject(new Error(`fake platform got ${received.length} of ${n} messages`)),
          timeoutMs,
        );
        if (!check()) waiters.push(() => void check());
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
