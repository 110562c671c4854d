// Everything a handler needs to act on one inbox message, and the two writes every handler makes the
// same way: the reply (dedupe key derived from the inbox row, so a second run cannot post twice) and
// audit-trail events (source key derived from the row, so a second run cannot act twice).
import type { ProposalTexts } from "../proposals/proposal-texts.ts";
import type { PointsRules } from "../ledger/points-rules.ts";
import type { LlmOptions } from "../understanding/classify/llm-classifier.ts";
import type { Db, Tx } from "../infra/db/create-database.ts";
import type { InboundMessage } from "../inbox/inbound-message.ts";
import type { Logger } from "../infra/create-logger.ts";
import type { Metrics } from "../infra/metrics.ts";
import type { OutboundBody } from "../outbox/outbound-body.ts";
import { enqueue } from "../outbox/enqueue.ts";
import { queueTicketWebhooks } from "../tickets/ticket-webhooks.ts";
import type { Actor } from "../groups/role.ts";
import { pushDestinationOf } from "../groups/group-routes.ts";
import type { Gazetteer } from "../understanding/extract/gazetteer.ts";
import type { Classifier } from "../understanding/classify/classifier.ts";
import type { ClosedLoopSettings } from "./closed-loop-settings.ts";

export interface PipelineDeps {
  db: Db;
  classifier: Classifier;
  /** Below this confidence a ticket's category is marked for staff to confirm (待人工确认). */
  reviewThreshold: number;
  loop: ClosedLoopSettings;
  now: () => Date;
  log: Logger;
  /** Counts what decided each matter's category (absent in tests that run the conversation alone). */
  metrics?: Pick<Metrics, "decisions">;
  /** What proposal drafts (建议草稿) are built from; absent, the command says drafting is not set up. */
  proposals?: { texts: ProposalTexts; llm: LlmOptions | undefined };
  /** The duty ledger's rules, for 履职登记; absent, the command refuses politely. */
  pointsRules?: PointsRules;
}

export interface MessageContext {
  deps: PipelineDeps;
  rowId: number;
  message: InboundMessage;
  /** The registered group the message came from; null in a one-to-one chat. */
  group: { id: number; name: string; gazetteer?: Gazetteer } | null;
  actor: Actor;
  at: Date;
  /** Told the command's answer: `applied` when it changed something (and was posted), false for a refusal or a lookup. */
  onAnswer?: (body: OutboundBody, applied: boolean) => void;
}

/**
 * A desk action's refusals and lookups are shown on the desk, not posted to the group; what it changes is
 * posted to the group like the chat command's answer.
 */
export function answersOnTheDesk(ctx: Pick<MessageContext, "message">): boolean {
  return ctx.message.channel === "desk";
}

/** The rate-limit key for replies to this message: the group, or the one-to-one partner. */
export function destinationOf(m: InboundMessage): string {
  return m.chat.type === "group" ? `${m.channel}:group:${m.chat.id}` : `${m.channel}:user:${m.sender.id}`;
}

/**
 * A deputy relaying a resident's matter (a quote, a 转 marker, the WeCom app): only members listed as
 * deputies relay "on behalf"; a resident quoting a neighbour reports for themselves.
 */
export function relayedByDeputy(ctx: Pick<MessageContext, "message" | "actor">): boolean {
  return ctx.message.viaDeputy && ctx.actor.role === "deputy";
}

/** The user to mention in a reply: the sender, in a group. */
export function senderMention(m: InboundMessage): string[] {
  return m.chat.type === "group" && m.channel !== "desk" ? [m.sender.id] : [];
}

/** Marks the inbox row done. Run it first in a transaction: on SQLite a transaction must write first. */
export async function markDone(tx: Tx, ctx: MessageContext): Promise<void> {
  await tx.inboxMessage.update({
    where: { id: ctx.rowId },
    data: { status: "done", processedAt: ctx.at, lockedUntil: null, lastError: null },
  });
}

/** The one reply to this message. */
export async function reply(tx: Tx, ctx: MessageContext, body: OutboundBody, ticketId?: number): Promise<void> {
  await enqueue(
    tx,
    {
      dedupeKey: `reply:inbox:${ctx.rowId}`,
      route: ctx.message.replyRoute,
      // A desk action's answer goes out as the group's push robot, sharing that robot's rate limit.
      destination: answersOnTheDesk(ctx) && ctx.group ? pushDestinationOf(ctx.group.id) : destinationOf(ctx.message),
      body,
      ...(ticketId ? { ticketId } : {}),
    },
    ctx.at,
  );
}

export interface EventFacts {
  kind: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
}

/** An audit-trail entry for a change this message made to a ticket. */
export async function recordEvent(tx: Tx, ctx: MessageContext, ticketId: number, e: EventFacts): Promise<void> {
  const sourceKey = `${ctx.message.channel === "desk" ? "web" : "chat"}:${ctx.rowId}:${ticketId}:${e.kind}`;
  await tx.ticketEvent.create({
    data: {
      ticketId,
      kind: e.kind,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      actorRole: ctx.actor.role,
      note: e.note ?? null,
      sourceKey,
      inboxMessageId: ctx.rowId,
      createdAt: ctx.at,
    },
  });
  await queueTicketWebhooks(tx, {
    ticketId,
    kind: e.kind,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    actorRole: ctx.actor.role,
    note: e.note ?? null,
    sourceKey,
    at: ctx.at,
  });
}
