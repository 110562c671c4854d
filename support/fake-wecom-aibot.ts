// A local stand-in for WeCom's AI bot long-connection endpoint (wss://openws.work.weixin.qq.com), speaking
// its protocol as `@wecom/aibot-node-sdk` 1.0.7 does: the client subscribes ({cmd:"aibot_subscribe",
// headers:{req_id}, body:{bot_id, secret}}) and is answered {headers:{req_id}, errcode, errmsg}; pings
// ({cmd:"ping"}) are answered the same way; the server pushes {cmd:"aibot_msg_callback", headers:{req_id},
// body}; the client answers with aibot_respond_msg (same req_id) or posts with aibot_send_msg, each
// acknowledged by {headers:{req_id}, errcode}. A second subscription for the same bot gets the first
// connection an aibot_event_callback with event.eventtype "disconnected_event" and closes it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { WebSocketServer, type WebSocket } from "ws";

export interface AibotFrameSeen {
  cmd: string;
  reqId: string;
  body: Record<string, unknown>;
  at: Date;
}

export interface FakeWecomAibot {
  /** The URL to set as WECOM_BOT_WS_URL. */
  url: string;
  /** Subscriptions accepted so far (in all). */
  readonly subscriptions: number;
  /** Sockets open and subscribed now. */
  readonly open: number;
  /** Every aibot_respond_msg and aibot_send_msg received, in order. */
  readonly received: AibotFrameSeen[];
  /** Waits until `n` subscriptions have been accepted (in all). */
  subscribed(n: number, timeoutMs?: number): Promise<void>;
  /** Pushes a message on the subscribed socket; returns the frame's req_id. */
  push(body: Record<string, unknown>): string;
  /** Answers aibot_respond_msg with this errcode from now on (e.g. 846605: the req_id is no longer valid). */
  refuseReplies(errcode: number | null): void;
  /** Pushes a message and then closes the socket (the frame is delivered first); subscriptions are refused until `acceptSubscriptions()`. */
  pushThenHangUp(body: Record<string, unknown>): string;
  acceptSubscriptions(): void;
  /** From now on the subscribed socket answers no ping: its heartbeats go unanswered. */
  goSilent(): void;
  /** Another client subscribes with the same bot, as a second deployment would; it is kicked in turn by the next one. */
  intrude(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeWecomAibot(credentials: { botId: string; secret: string }): Promise<FakeWecomAibot> {
  let subscriptions = 0;
  let current: WebSocket | null = null;
  let silent = false;
  let replyErrcode: number | null = null;
  let refusing = false;
  const received: AibotFrameSeen[] = [];
  const waiters: Array<() => void> = [];
  const intruders: WebSocket[] = [];

  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server });
  const answer = (socket: WebSocket, reqId: string, errcode = 0, errmsg = "ok") =>
    socket.send(JSON.stringify({ headers: { req_id: reqId }, errcode, errmsg }));

  function kick(old: WebSocket): void {
    old.send(
      JSON.stringify({
        cmd: "aibot_event_callback",
        headers: { req_id: `event_${randomUUID()}` },
        body: {
          msgid: randomUUID(),
          create_time: Math.floor(Date.now() / 1000),
          aibotid: credentials.botId,
          from: { userid: "" },
          msgtype: "event",
          event: { eventtype: "disconnected_event" },
        },
      }),
    );
    setTimeout(() => old.close(1000, "replaced by a new connection"), 20);
  }

  wss.on("connection", (socket) => {
    socket.on("message", (data) => {
      const frame = JSON.parse(String(data)) as {
        cmd?: string;
        headers?: { req_id?: string };
        body?: Record<string, unknown>;
      };
      const reqId = frame.headers?.req_id ?? "";
      if (frame.cmd === "aibot_subscribe") {
        const ok = frame.body?.bot_id === credentials.botId && frame.body?.secret === credentials.secret;
        if (!ok || refusing) return answer(socket, reqId, 40014, "invalid bot_id or secret");
        if (current && current !== socket) kick(current);
        current = socket;
        silent = false;
        subscriptions++;
        answer(socket, reqId);
        for (const w of waiters.splice(0)) w();
        return;
      }
      if (socket !== current) return; // not subscribed, or kicked
      if (frame.cmd === "ping") {
        if (!silent) answer(socket, reqId);
        return;
      }
      if (frame.cmd === "aibot_respond_msg" || frame.cmd === "aibot_send_msg") {
        received.push({ cmd: frame.cmd, reqId, body: frame.body ?? {}, at: new Date() });
        if (frame.cmd === "aibot_respond_msg" && replyErrcode !== null)
          return answer(socket, reqId, replyErrcode, "invalid req_id");
        answer(socket, reqId);
      }
    });
    socket.on("close", () => {
      if (current === socket) current = null;
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;

  function push(body: Record<string, unknown>): string {
    if (!current) throw new Error("no subscribed connection");
    const reqId = `callback_${randomUUID()}`;
    current.send(JSON.stringify({ cmd: "aibot_msg_callback", headers: { req_id: reqId }, body }));
    return reqId;
  }

  return {
    url: `ws://127.0.0.1:${port}`,
    get subscriptions() {
      return subscriptions;
    },
    get open() {
      return current ? 1 : 0;
    },
    received,
    async subscribed(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (subscriptions < n) {
        if (Date.now() > deadline) throw new Error(`only ${subscriptions} of ${n} subscriptions`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
    },
    push,
    refuseReplies(errcode) {
      replyErrcode = errcode;
    },
    pushThenHangUp(body) {
      const socket = current;
      const reqId = push(body);
      refusing = true;
      current = null;
      socket!.close(1001, "going away"); // a graceful close: the pushed frame goes out before it
      return reqId;
    },
    acceptSubscriptions() {
      refusing = false;
    },
    goSilent() {
      silent = true;
    },
    async intrude() {
      const { WebSocket: Client } = await import("ws");
      const intruder = new Client(`ws://127.0.0.1:${port}`);
      intruders.push(intruder);
      await new Promise<void>((resolve, reject) => {
        intruder.once("open", () => {
          intruder.send(
            JSON.stringify({
              cmd: "aibot_subscribe",
              headers: { req_id: `aibot_subscribe_${randomUUID()}` },
              body: { bot_id: credentials.botId, secret: credentials.secret },
            }),
          );
          resolve();
        });
        intruder.once("error", reject);
      });
    },
    async close() {
      for (const c of intruders) c.terminate();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
