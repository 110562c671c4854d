// The WeCom AI bot's long connection (智能机器人 长连接, doc 101463), through the official
// `@wecom/aibot-node-sdk`: the service opens a WebSocket to WeCom, so no public address is needed. Messages
// arrive as aibot_msg_callback frames; answers go back on the same socket (aibot_respond_msg with the
// frame's req_id), proactive posts too (aibot_send_msg to a chat id).
//
// The contract is the callback's: a pushed message is stored in the durable inbox (under the same
// ("wecom-bot", msgid) key as the callback, so a repeat is a no-op) before anything is sent back, and the
// answer is an outbox row. WeCom has no acknowledgement of a pushed message in this protocol; the reply is
// what it waits for.
//
// WeCom allows one connection per bot: a new one kicks the old with a disconnected_event. So among replicas
// exactly one holds the connection, by a lease in the database (src/channels/connection-lease.ts): the
// holder connects and renews; the others do not connect, and their outboxes leave this bot's messages to
// the holder. When the holder dies its lease runs out and another replica connects. When WeCom says another
// connection took the bot over (someone runs a second deployment with the same bot), this one waits
// WECOM_BOT_TAKEN_OVER_RETRY_SECONDS before taking it back, with an error in the log, rather than fight.
//
// Reconnection after a drop or two unanswered heartbeats is the SDK's (exponential back-off from 1 s to
// 30 s, never giving up); the SDK does not reconnect after a takeover, so that is done here.
import type { WSClient, WsFrame, BaseMessage } from "@wecom/aibot-node-sdk";
import { randomUUID } from "node:crypto";
import type { Db } from "../../infra/db/create-database.ts";
import type { Logger } from "../../infra/create-logger.ts";
import { RequestRejected } from "../../infra/request-rejected.ts";
import { NetworkFailure, PlatformRejected } from "../../outbox/delivery-error.ts";
import type { OutboundBody } from "../../outbox/outbound-body.ts";
import { holdLease, newHolderId, releaseLease } from "../connection-lease.ts";
import type { LongConnection } from "../channel.ts";
import { wecomMarkdown } from "./wecom-markdown.ts";
import { errcodeMeaning } from "../../outbox/errcode-meaning.ts";
import { WECOM_ERRCODES } from "./wecom-errcodes.ts";

export interface WecomLongConnectionOptions {
  botId: string;
  secret: string;
  wsUrl: string;
  heartbeatMs: number;
  takenOverRetryMs: number;
  leaseMs: number;
  db: Db;
  log: Logger;
  /** Stores one pushed message (its body, and the frame's req_id); throws RequestRejected for one that can never be stored. */
  store: (body: unknown, reqId: string) => Promise<string>;
  onState: (up: boolean) => void;
}

/** How a reply or post went wrong on the socket: the frame WeCom answered with, or an Error of the SDK. */
function deliveryErrorOf(err: unknown): Error {
  const frame = err as { errcode?: unknown; errmsg?: unknown };
  if (typeof frame?.errcode === "number") {
    const meaning = errcodeMeaning(WECOM_ERRCODES, frame.errcode);
    return new PlatformRejected(
      frame.errcode,
      `${String(frame.errmsg ?? "")} (${meaning.hint})`,
      meaning.permanent,
      meaning.throttleMs,
    );
  }
  // The SDK rejects when the frame could not be sent (not connected: certainly not delivered), when no
  // acknowledgement came in time, or when the socket closed while waiting for it (the frame went out, so it
  // may have arrived: uncertain, and not repeated freely).
  const message = (err as Error)?.message ?? String(err);
  return new NetworkFailure(`long connection: ${message}`, !/not connected/i.test(message));
}

export class WecomLongConnection implements LongConnection {
  readonly leaseName: string;
  private readonly holderId = newHolderId();
  private client: WSClient | null = null;
  private authenticated = false;
  private heldByOther = false;
  private holdingUntil = 0;
  private stopped = true;
  private leaseTimer: NodeJS.Timeout | undefined;
  private takenOverUntil = 0;
  /** The SDK, loaded when a connection is first needed (a service without one does not pay for it at start). */
  private sdk: typeof import("@wecom/aibot-node-sdk") | undefined;
  private connecting = false;

  constructor(private readonly o: WecomLongConnectionOptions) {
    this.leaseName = `wecom-bot:${o.botId}`;
  }

  /** Connected and authenticated: replies and posts go through it. */
  get isUp(): boolean {
    return this.authenticated && this.client?.isConnected === true;
  }

  /** Another replica holds this bot's connection (as of the last lease round). */
  get isHeldElsewhere(): boolean {
    return this.heldByOther;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.leaseRound();
    this.leaseTimer = setInterval(() => void this.leaseRound(), Math.max(100, Math.floor(this.o.leaseMs / 3)));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.leaseTimer);
    this.disconnect();
    if (this.holdingUntil > 0)
      await releaseLease(this.o.db, this.leaseName, this.holderId).catch((err) =>
        this.o.log.warn({ err: (err as Error).message }, "WeCom long connection: lease not released"),
      );
    this.holdingUntil = 0;
  }

  /** Answers the pushed message `reqId`; when WeCom no longer takes that req_id, posts to the chat instead. */
  async reply(reqId: string, chatId: string, body: OutboundBody): Promise<void> {
    const client = this.liveClient();
    const content = wecomMarkdown(body);
    try {
      await client.replyStream({ headers: { req_id: reqId } }, randomUUID(), content, true);
    } catch (err) {
      const failure = deliveryErrorOf(err);
      if (!(failure instanceof PlatformRejected)) throw failure;
      this.o.log.info(
        { errcode: failure.errcode, errmsg: failure.errmsg },
        "WeCom long connection: reply refused; posting to the chat instead",
      );
      await this.post(chatId, body);
    }
  }

  /** Posts to a group (its chatid) or a user (their userid) without a message to answer. */
  async post(chatId: string, body: OutboundBody): Promise<void> {
    const client = this.liveClient();
    try {
      await client.sendMessage(chatId, { msgtype: "markdown", markdown: { content: wecomMarkdown(body) } });
    } catch (err) {
      throw deliveryErrorOf(err);
    }
  }

  private liveClient(): WSClient {
    if (!this.isUp || !this.client) throw new NetworkFailure("the WeCom long connection is not up");
    return this.client;
  }

  /** Takes or renews the lease; connects when it is ours, lets go when it is not. */
  private async leaseRound(): Promise<void> {
    if (this.stopped) return;
    const at = new Date();
    let connectNow = false;
    try {
      const lease = await holdLease(this.o.db, this.leaseName, this.holderId, at, this.o.leaseMs);
      if (this.stopped) return;
      this.heldByOther = !lease.held;
      if (lease.held) {
        this.holdingUntil = lease.until.getTime();
        connectNow = !this.client && !this.connecting && at.getTime() >= this.takenOverUntil;
      } else if (this.client || this.holdingUntil > 0) {
        this.o.log.warn(
          { holder: lease.holder },
          "WeCom long connection: another replica holds the bot; disconnecting",
        );
        this.holdingUntil = 0;
        this.disconnect();
      }
    } catch (err) {
      // The database did not answer: keep the connection while the lease we hold lasts, not after.
      this.o.log.warn({ err: (err as Error).message }, "WeCom long connection: lease not renewed");
      if (this.client && at.getTime() >= this.holdingUntil) {
        this.holdingUntil = 0;
        this.disconnect();
      }
    }
    // Outside the lease's try: a failure to load the SDK is not a database problem, and says so.
    if (connectNow)
      await this.connect().catch((err) =>
        this.o.log.error({ err: (err as Error).message }, "WeCom long connection: could not start the SDK"),
      );
  }

  private async connect(): Promise<void> {
    this.connecting = true;
    try {
      this.sdk ??= await import("@wecom/aibot-node-sdk");
    } finally {
      this.connecting = false;
    }
    if (this.stopped || this.client) return;
    const log = this.o.log;
    const client = new this.sdk.WSClient({
      botId: this.o.botId,
      secret: this.o.secret,
      wsUrl: this.o.wsUrl,
      heartbeatInterval: this.o.heartbeatMs,
      maxReconnectAttempts: -1, // a service never gives up
      maxAuthFailureAttempts: -1,
      logger: {
        debug: () => {},
        info: () => {},
        warn: (message: string, ...args: unknown[]) => log.debug({ sdk: [message, ...args].join(" ") }, "aibot sdk"),
        error: (message: string, ...args: unknown[]) => log.debug({ sdk: [message, ...args].join(" ") }, "aibot sdk"),
      },
    });
    this.client = client;
    client.on("authenticated", () => {
      if (this.client !== client) return;
      this.authenticated = true;
      this.o.onState(true);
      log.info({ bot: this.o.botId }, "WeCom long connection: connected");
    });
    client.on("disconnected", (reason) => {
      if (this.client !== client) return;
      this.authenticated = false;
      this.o.onState(false);
      if (!this.stopped) log.warn({ reason }, "WeCom long connection: closed; reconnecting");
    });
    client.on("error", (err) => {
      if (/auth/i.test(err.message)) log.error({ err: err.message }, "WeCom long connection: authentication failed");
    });
    client.on("message", (frame) => void this.onMessage(frame));
    client.on("event.disconnected_event", () => {
      if (this.client !== client) return;
      log.error(
        { bot: this.o.botId, retryInMs: this.o.takenOverRetryMs },
        "WeCom long connection: another connection took this bot over (is a second deployment running with the same bot?); connecting again later",
      );
      this.takenOverUntil = Date.now() + this.o.takenOverRetryMs;
      this.disconnect();
      setTimeout(() => void this.leaseRound(), this.o.takenOverRetryMs).unref();
    });
    client.connect();
  }

  private disconnect(): void {
    const client = this.client;
    this.client = null;
    if (this.authenticated) this.o.onState(false);
    this.authenticated = false;
    client?.removeAllListeners();
    client?.disconnect();
  }

  /** Stores the message; a message that can never be stored is logged and dropped, nothing is sent back. */
  private async onMessage(frame: WsFrame<BaseMessage>): Promise<void> {
    const reqId = frame.headers?.req_id ?? "";
    const msgId = frame.body?.msgid;
    try {
      const outcome = await this.o.store(frame.body, reqId);
      this.o.log.info({ msgId, outcome }, "WeCom long connection: message stored");
    } catch (err) {
      if (err instanceof RequestRejected || err instanceof SyntaxError) {
        this.o.log.warn({ msgId, reason: (err as Error).message }, "WeCom long connection: message refused");
        return;
      }
      this.o.log.error({ err, msgId }, "WeCom long connection: message not stored");
    }
  }
}
