// A local stand-in for DingTalk's Stream gateway, speaking its protocol: POST /v1.0/gateway/connections/open
// answers {endpoint, ticket}; the WebSocket at that endpoint (ticket checked) pushes CALLBACK frames
// {specVersion, type, headers:{…, messageId, topic}, data:"<JSON string>"} and records the client's
// acknowledgements ({code:200, headers:{messageId}, …}). Tests push robot messages, drop the connection,
// and see what was acknowledged when.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export const ROBOT_TOPIC = "/v1.0/im/bot/messages/get";

export interface FakeDingtalkStream {
  /** The URL to set as DINGTALK_STREAM_GATEWAY_URL. */
  gatewayUrl: string;
  /** Connections opened through the gateway so far. */
  readonly gatewayCalls: number;
  /** Waits until `n` sockets have connected (in all). */
  connected(n: number, timeoutMs?: number): Promise<void>;
  /** Pushes a robot message on the open socket; resolves with the time its acknowledgement arrived. */
  push(robotMessage: Record<string, unknown>, messageId: string, timeoutMs?: number): Promise<Date>;
  /** Pushes a robot message without waiting for its acknowledgement. */
  send(robotMessage: Record<string, unknown>, messageId: string): void;
  /** From now on acknowledgements are lost on the way (as when the client dies before its ack goes out). */
  loseAcks(lose: boolean): void;
  /** Pushes again, on the open socket, every message not acknowledged, as DingTalk does; resolves when all are. */
  redeliverUnacknowledged(timeoutMs?: number): Promise<void>;
  /** Cuts the open socket, as a network drop or a server restart would. */
  drop(): void;
  /** From now on the open socket answers no ping and sends nothing: half-open, as after a silent network loss. */
  goSilent(): void;
  close(): Promise<void>;
}

export async function startFakeDingtalkStream(credentials: { clientId: string; clientSecret: string }) {
  let calls = 0;
  let sockets = 0;
  let current: WebSocket | null = null;
  const tickets = new Set<string>();
  const acks = new Map<string, (at: Date) => void>();
  /** Pushed and not acknowledged: messageId → the robot message. */
  const unacknowledged = new Map<string, Record<string, unknown>>();
  let losingAcks = false;
  const onConnect: Array<() => void> = [];

  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += String(c)));
    req.on("end", () => {
      const json = (body ? JSON.parse(body) : {}) as { clientId?: string; clientSecret?: string };
      res.setHeader("content-type", "application/json");
      if (req.url !== "/v1.0/gateway/connections/open" || req.method !== "POST") return res.writeHead(404).end("{}");
      if (json.clientId !== credentials.clientId || json.clientSecret !== credentials.clientSecret)
        return res.writeHead(401).end(JSON.stringify({ code: "invalidClient", message: "clientId or secret wrong" }));
      calls++;
      const ticket = `ticket-${calls}`;
      tickets.add(ticket);
      const { port } = server.address() as AddressInfo;
      res.end(JSON.stringify({ endpoint: `ws://127.0.0.1:${port}/connect`, ticket }));
    });
  });
  let silent = false;
  const wss = new WebSocketServer({ server, path: "/connect", autoPong: false });
  wss.on("connection", (socket, req) => {
    const ticket = new URL(req.url ?? "/", "http://fake").searchParams.get("ticket") ?? "";
    if (!tickets.delete(ticket)) return socket.close(4001, "invalid ticket"); // a ticket opens one socket
    current = socket;
    sockets++;
    silent = false;
    socket.on("ping", (data) => {
      if (!silent && current === socket) socket.pong(data);
    });
    socket.on("message", (data) => {
      const frame = JSON.parse(String(data)) as { code?: number; headers?: { messageId?: string } };
      const id = frame.headers?.messageId;
      if (losingAcks) return;
      if (frame.code === 200 && id) unacknowledged.delete(id);
      if (frame.code === 200 && id && acks.has(id)) {
        acks.get(id)!(new Date());
        acks.delete(id);
      }
    });
    for (const f of onConnect.splice(0)) f();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;

  const fake: FakeDingtalkStream = {
    gatewayUrl: `http://127.0.0.1:${port}/v1.0/gateway/connections/open`,
    get gatewayCalls() {
      return calls;
    },
    async connected(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (sockets < n) {
        if (Date.now() > deadline) throw new Error(`only ${sockets} of ${n} connections`);
        await new Promise<void>((r) => {
          onConnect.push(r);
          setTimeout(r, 50);
        });
      }
    },
    push(robotMessage, messageId, timeoutMs = 10_000) {
      if (!current) return Promise.reject(new Error("no open connection"));
      return new Promise<Date>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no acknowledgement of ${messageId}`)), timeoutMs);
        acks.set(messageId, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
        fake.send(robotMessage, messageId);
      });
    },
    send(robotMessage, messageId) {
      if (!current) throw new Error("no open connection");
      unacknowledged.set(messageId, robotMessage);
      const frame = {
        specVersion: "1.0",
        type: "CALLBACK",
        headers: {
          appId: credentials.clientId,
          connectionId: `conn-${sockets}`,
          contentType: "application/json",
          messageId,
          time: String(Date.now()),
          topic: ROBOT_TOPIC,
        },
        data: JSON.stringify(robotMessage),
      };
      current.send(JSON.stringify(frame));
    },
    loseAcks(lose) {
      losingAcks = lose;
    },
    async redeliverUnacknowledged(timeoutMs = 10_000) {
      await Promise.all([...unacknowledged].map(([id, message]) => fake.push(message, id, timeoutMs)));
    },
    drop() {
      current?.terminate();
      current = null;
    },
    goSilent() {
      silent = true;
    },
    async close() {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return fake;
}
