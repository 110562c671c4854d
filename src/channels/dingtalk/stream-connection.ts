// DingTalk Stream mode: the robot's messages arrive over a WebSocket the service opens itself (official
// `dingtalk-stream` SDK), so no public address is needed. The contract is the callbacks' one: a message is
// acknowledged to DingTalk only after it is stored in the inbox, so a crash before the acknowledgement gets
// it pushed again (DingTalk retries an unacknowledged message within about a minute), and the inbox's unique
// (channel, msgId) makes the repeat a no-op. A message that can never be stored (unknown group, malformed) is
// acknowledged all the same, with a log line, so it is not pushed forever.
//
// The SDK's own reconnect is off: in 2.1.5 it doubles its attempts on every failure (shared/docs/platforms.md
// §5.3), and it does not notice a half-open socket. Here one loop reconnects with exponential back-off and
// jitter, a watchdog rebuilds a half-open connection
// (no frame and no answer to the SDK's pings for `watchdogMs`), and a SYSTEM "disconnect" frame reconnects at
// once.
import type { DWClient, DWClientDownStream } from "dingtalk-stream";
import type WebSocket from "ws";
import type { Logger } from "../../infra/create-logger.ts";
import { RequestRejected } from "../../infra/request-rejected.ts";

export interface StreamOptions {
  clientId: string;
  clientSecret: string;
  /** POST here opens a connection ({endpoint, ticket}): DingTalk's gateway, or a local fake in tests. */
  gatewayUrl: string;
  /** Stores one robot message; throws RequestRejected for one that can never be stored. */
  store: (json: unknown) => Promise<string>;
  log: Logger;
  /** 1 while connected, 0 otherwise (the metrics gauge). */
  onState: (up: boolean) => void;
  /** Back-off between attempts: from minMs, doubling, at most maxMs, each with up to a third of jitter. */
  backoff?: { minMs: number; maxMs: number };
  /** No frame for this long: the socket is taken for dead and rebuilt. */
  watchdogMs?: number;
}

type Sdk = typeof import("dingtalk-stream");

/** The robot message topic (the SDK's TOPIC_ROBOT; kept here so the SDK need not load to name it). */
const TOPIC_ROBOT = "/v1.0/im/bot/messages/get";

/** The SDK's client, opening its connection through the configured gateway. */
interface GatewayClient extends DWClient {
  /** The SDK keeps its socket private; the connection watches it for frames and for its end. */
  readonly webSocket: WebSocket | undefined;
}

/** The SDK is loaded when Stream mode first connects: a service without it does not pay for it at start. */
let sdk: Promise<Sdk> | undefined;
let GatewayClientClass:
  (new (options: StreamOptions, fetchEndpoint: () => Promise<string>) => GatewayClient) | undefined;

async function gatewayClientClass() {
  const { DWClient: Base } = await (sdk ??= import("dingtalk-stream"));
  GatewayClientClass ??= class extends Base {
    constructor(
      options: StreamOptions,
      private readonly fetchEndpoint: () => Promise<string>,
    ) {
      // autoReconnect is in the SDK's config but not in its constructor's type.
      super({
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        keepAlive: true,
        ...({ autoReconnect: false } as object),
      });
    }

    override async getEndpoint(): Promise<this> {
      (this as unknown as { dw_url: string }).dw_url = await this.fetchEndpoint();
      return this;
    }

    get webSocket(): WebSocket | undefined {
      return (this as unknown as { socket?: WebSocket }).socket;
    }
  };
  return GatewayClientClass;
}

export class DingtalkStreamConnection {
  private client: GatewayClient | null = null;
  private stopped = true;
  private attempt = 0;
  private lastFrameAt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private readonly backoff: { minMs: number; maxMs: number };
  private readonly watchdogMs: number;

  constructor(private readonly o: StreamOptions) {
    this.backoff = o.backoff ?? { minMs: 1_000, maxMs: 60_000 };
    this.watchdogMs = o.watchdogMs ?? 90_000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.watchdog);
    this.client?.disconnect();
    this.client = null;
    this.o.onState(false);
  }

  private async openEndpoint(): Promise<string> {
    const res = await fetch(this.o.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        clientId: this.o.clientId,
        clientSecret: this.o.clientSecret,
        ua: "minyi",
        subscriptions: [{ type: "CALLBACK", topic: TOPIC_ROBOT }],
      }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json().catch(() => ({}))) as { endpoint?: string; ticket?: string; message?: string };
    if (!res.ok || !body.endpoint || !body.ticket)
      throw new Error(`gateway answered HTTP ${res.status}${body.message ? `: ${body.message}` : ""}`);
    return `${body.endpoint}?ticket=${encodeURIComponent(body.ticket)}`;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const Client = await gatewayClientClass();
    if (this.stopped) return;
    const client = new Client(this.o, () => this.openEndpoint());
    client.registerCallbackListener(TOPIC_ROBOT, (msg: DWClientDownStream) => void this.onRobotMessage(client, msg));
    this.client = client;
    try {
      await client.getEndpoint();
      await (client as unknown as { _connect(): Promise<void> })._connect();
    } catch (err) {
      this.o.log.warn({ err: (err as Error).message, attempt: this.attempt + 1 }, "DingTalk Stream: connection failed");
      return this.retryLater(client);
    }
    if (this.stopped) return client.disconnect();
    this.attempt = 0;
    this.lastFrameAt = Date.now();
    this.o.onState(true);
    this.o.log.info("DingTalk Stream: connected");
    const socket = client.webSocket!;
    socket.on("message", (data) => this.onFrame(client, String(data)));
    // The SDK pings every 8 s (keepAlive): a pong proves the socket alive as much as a frame does, so an idle
    // but healthy connection is never rebuilt.
    socket.on("pong", () => (this.lastFrameAt = Date.now()));
    socket.once("close", () => {
      if (this.client !== client) return;
      this.o.onState(false);
      if (!this.stopped) this.o.log.warn("DingTalk Stream: connection closed; reconnecting");
      this.retryLater(client);
    });
    clearInterval(this.watchdog);
    this.watchdog = setInterval(
      () => {
        if (Date.now() - this.lastFrameAt <= this.watchdogMs) return;
        this.o.log.warn(
          { silentMs: Date.now() - this.lastFrameAt },
          "DingTalk Stream: no frame for too long; rebuilding",
        );
        client.webSocket?.terminate();
      },
      Math.max(50, Math.floor(this.watchdogMs / 4)),
    );
  }

  /** Every frame proves the socket alive; DingTalk's SYSTEM "disconnect" asks for a new connection. */
  private onFrame(client: GatewayClient, data: string): void {
    this.lastFrameAt = Date.now();
    try {
      const frame = JSON.parse(data) as { type?: string; headers?: { topic?: string } };
      if (frame.type === "SYSTEM" && frame.headers?.topic === "disconnect") client.webSocket?.terminate();
    } catch {
      // not JSON: the SDK logs it; nothing to act on
    }
  }

  private retryLater(client: GatewayClient): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    clearInterval(this.watchdog);
    const base = Math.min(this.backoff.maxMs, this.backoff.minMs * 2 ** this.attempt);
    const delay = base + Math.floor(Math.random() * (base / 3));
    this.attempt++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  /** Stores, then acknowledges; a failure to store leaves it unacknowledged, so DingTalk pushes it again. */
  private async onRobotMessage(client: GatewayClient, msg: DWClientDownStream): Promise<void> {
    const messageId = msg.headers.messageId;
    let outcome: string;
    try {
      outcome = await this.o.store(JSON.parse(msg.data));
    } catch (err) {
      if (!(err instanceof RequestRejected) && !(err instanceof SyntaxError)) {
        this.o.log.error({ err, messageId }, "DingTalk Stream: message not stored; left unacknowledged for redelivery");
        return;
      }
      outcome = "refused";
      this.o.log.warn({ messageId, reason: (err as Error).message }, "DingTalk Stream: message refused");
    }
    client.socketCallBackResponse(messageId, {});
    this.o.log.info({ messageId, outcome }, "DingTalk Stream: message acknowledged");
  }
}
