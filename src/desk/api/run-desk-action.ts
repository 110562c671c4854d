// A ticket action on the desk runs as the chat command it stands for ("办结 #2026-0007 …"), through the same
// code (src/conversation/commands): the same checks, changes, audit events and posts to the group. It is
// stored first as an inbox row of channel "desk" (its id from the Idempotency-Key, so a repeated request
// acts once), claimed by this request with a lease, and processed at once; if the process dies meanwhile,
// the inbox worker finishes it when the lease runs out. Audit events get the source "web" and the account.
// What the command changes is posted to the group (its push robot); its refusals and lookups are only
// shown on the desk.
import { randomUUID } from "node:crypto";
import { processInboxMessage } from "../../conversation/process-inbox-message.ts";
import type { PipelineDeps } from "../../conversation/message-context.ts";
import { pushRouteOf } from "../../groups/group-routes.ts";
import type { InboundMessage } from "../../inbox/inbound-message.ts";
import { isUniqueViolation } from "../../infra/db/is-unique-violation.ts";
import { RequestRejected } from "../../infra/request-rejected.ts";
import type { OutboundBody } from "../../outbox/outbound-body.ts";
import { noRoute } from "../../outbox/reply-route.ts";
import { chatRoleOf } from "../accounts/desk-role.ts";
import type { Principal } from "./principal.ts";

export const DESK_ACTIONS = [
  "claim",
  "progress",
  "reply",
  "close",
  "release",
  "transfer",
  "recategorize",
  "merge",
  "reopen",
] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

const CLOSE_OUTCOMES: Record<string, string> = {
  fixed: "",
  not_fixed: "未解决 ",
  not_ours: "不属于街道职责 ",
  duplicate: "重复 ",
};

export interface ActionRequest {
  action: string;
  note?: unknown;
  outcome?: unknown;
  category?: unknown;
  into?: unknown;
  to?: unknown;
}

const text = (v: unknown, field: string, required: boolean): string => {
  const s = typeof v === "string" ? v.trim().slice(0, 2000) : "";
  if (required && !s) throw new RequestRejected("missing_parameter", `${field} is required for this action`);
  return s;
};

/** The chat command the action stands for. */
export function commandText(number: string, r: ActionRequest): string {
  const n = `#${number}`;
  switch (r.action as DeskAction) {
    case "claim":
      return `认领 ${n}`;
    case "release":
      return `释放 ${n}`;
    case "progress":
      return `进展 ${n} ${text(r.note, "note", true)}`;
    case "reply":
      return `答复 ${n} ${text(r.note, "note", true)}`;
    case "close": {
      const outcome = typeof r.outcome === "string" ? r.outcome : "fixed";
      if (!(outcome in CLOSE_OUTCOMES))
        throw new RequestRejected(
          "missing_parameter",
          `outcome must be one of ${Object.keys(CLOSE_OUTCOMES).join(", ")}`,
        );
      return `办结 ${n} ${CLOSE_OUTCOMES[outcome]}${text(r.note, "note", false)}`.trim();
    }
    case "transfer":
      return `转办 ${n} ${text(r.to, "to", true)}`;
    case "recategorize":
      return `改类 ${n} ${text(r.category, "category", true)}`;
    case "merge":
      return `合并 ${n} #${text(r.into, "into", true).replace(/^#/, "")}`;
    case "reopen":
      return `重办 ${n} ${text(r.note, "note", false)}`.trim();
    default:
      throw new RequestRejected("missing_parameter", `action must be one of ${DESK_ACTIONS.join(", ")}`);
  }
}

export interface DeskActionDeps {
  pipeline: () => PipelineDeps | undefined;
  leaseMs: number;
  /** Called after an action committed (wakes the outbox, so the group post goes at once). */
  afterAction?: () => void;
}

export async function runDeskAction(
  deps: DeskActionDeps,
  who: Principal,
  ticket: {
    number: string;
    group: { id: number; platform: string; platformGroupId: string; pushRoute: string | null } | null;
  },
  request: ActionRequest,
  idempotencyKey: string | undefined,
): Promise<{ applied: boolean; answer: OutboundBody | null; repeated: boolean }> {
  const pipeline = deps.pipeline();
  if (!pipeline) throw new RequestRejected("not_ready", "the service is still starting; try again in a moment");
  const role = chatRoleOf(who.role);
  if (!role) throw new RequestRejected("forbidden", "a viewer account may not change tickets");
  const command = commandText(ticket.number, request);
  const { db } = pipeline;
  const at = pipeline.now();
  const key = idempotencyKey?.trim().slice(0, 120) || randomUUID();
  const message: InboundMessage = {
    channel: "desk",
    platform: (ticket.group?.platform ?? "wecom") as InboundMessage["platform"],
    platformMessageId: `${who.username}:${key}`,
    chat: ticket.group ? { type: "group", id: ticket.group.platformGroupId } : { type: "single", id: null },
    sender: { id: who.platformUserId ?? `desk:${who.username}`, name: who.name },
    text: command,
    viaDeputy: false,
    sentAt: at.toISOString(),
    replyRoute: ticket.group ? pushRouteOf(ticket.group) : noRoute("工单不属于任何群，办理结果只在工作台显示"),
    deskActor: { accountId: who.accountId ?? 0, name: who.name, role },
  };
  let rowId: number;
  try {
    const row = await db.inboxMessage.create({
      data: {
        channel: "desk",
        platformMessageId: message.platformMessageId,
        payload: JSON.stringify(message),
        status: "processing",
        attempts: 1,
        lockedUntil: new Date(at.getTime() + deps.leaseMs),
        receivedAt: at,
      },
    });
    rowId = row.id;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return { applied: false, answer: null, repeated: true };
  }
  let answer: { body: OutboundBody; applied: boolean } | null = null;
  try {
    await processInboxMessage(
      pipeline,
      { id: rowId, payload: JSON.stringify(message) },
      {
        onAnswer: (body, applied) => (answer = { body, applied }),
      },
    );
  } catch (err) {
    // Left to the inbox worker, which takes it up again after the lease.
    pipeline.log.error({ err, rowId }, "desk action failed; the inbox worker retries it");
    throw err;
  }
  deps.afterAction?.();
  const a = answer as { body: OutboundBody; applied: boolean } | null;
  return { applied: a?.applied ?? false, answer: a?.body ?? null, repeated: false };
}
