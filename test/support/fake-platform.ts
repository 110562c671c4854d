// A local HTTP server that speaks the platforms' send protocols: WeCom response_url, DingTalk
// sessionWebhook, WeCom gettoken + message/send, WeCom 消息推送 group webhook (key in the URL), and the
// DingTalk custom robot webhook (checks timestamp and sign like DingTalk: 310000 when they are wrong). It records every message it accepts, and can be told
// to answer a path with an errcode (HTTP 200, as the real platforms do) or to drop connections.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { computeDingtalkSign } from "../../src/platforms/dingtalk/dingtalk-signature.ts";

export const WECOM_WEBHOOK_KEY = "test-webhook-key";
export const DINGTALK_ROBOT_TOKEN = "test-robot-token";
export const DINGTALK_ROBOT_SECRET = "SECtest-robot-secret";

export interface ReceivedPost {
  path: string;
  body: Record<string, unknown>;
}

export interface FakePlatform {
  url: string;
  received: ReceivedPost[];
  /** Answers the next `times` calls to paths starting with `prefix` with this JSON. */
  failNext(prefix: string, times: number, answer: Record<string, unknown>): void;
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

export async function startFakePlatform(): Promise<FakePlatform> {
  const received: ReceivedPost[] = [];
  const failures: Array<{ prefix: string; times: number; answer: Record<string, unknown> }> = [];
  const waiters: Array<() => void> = [];

  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? "/";
    const reply = (json: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    };
    const body = req.method === "POST" ? await readJson(req) : {};
    const failure = failures.find((f) => path.startsWith(f.prefix) && f.times > 0);
    if (failure) {
      failure.times--;
      return reply(failure.answer);
    }
    if (path.startsWith("/cgi-bin/gettoken")) return reply({ errcode: 0, errmsg: "ok", access_token: "TOKEN-1", expires_in: 7200 });
    if (path.startsWith("/cgi-bin/message/send")) {
      if (!path.includes("access_token=TOKEN-1")) return reply({ errcode: 40014, errmsg: "invalid access_token" });
      received.push({ path, body });
      waiters.forEach((w) => w());
      return reply({ errcode: 0, errmsg: "ok", msgid: `m${received.length}` });
    }
    if (path.startsWith("/cgi-bin/webhook/send")) {
      if (!path.includes(`key=${WECOM_WEBHOOK_KEY}`)) return reply({ errcode: 93000, errmsg: "invalid webhook url" });
      received.push({ path, body });
      waiters.forEach((w) => w());
      return reply({ errcode: 0, errmsg: "ok" });
    }
    if (path.startsWith("/robot/send")) {
      const q = new URL(path, "http://fake").searchParams;
      const ts = q.get("timestamp") ?? "";
      if (q.get("access_token") !== DINGTALK_ROBOT_TOKEN) return reply({ errcode: 300001, errmsg: "token is not exist" });
      if (q.get("sign") !== computeDingtalkSign(ts, DINGTALK_ROBOT_SECRET)) return reply({ errcode: 310000, errmsg: "sign not match" });
      received.push({ path, body });
      waiters.forEach((w) => w());
      return reply({ errcode: 0, errmsg: "ok" });
    }
    if (path.startsWith("/wecom/response/") || path.startsWith("/dingtalk/session/")) {
      received.push({ path, body });
      waiters.forEach((w) => w());
      return reply({ errcode: 0, errmsg: "ok" });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    failNext(prefix, times, answer) {
      failures.push({ prefix, times, answer });
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
        const timer = setTimeout(() => reject(new Error(`fake platform got ${received.length} of ${n} messages`)), timeoutMs);
        if (!check()) waiters.push(() => void check());
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
