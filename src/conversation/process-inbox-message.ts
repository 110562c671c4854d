// One inbox row → a command, a follow-up, a linked duplicate or a new ticket, with its reply in the
// outbox, all in one transaction together with marking the row done. Safe to run twice for the same
// row, even at the same time (a lease that ran out during a slow LLM call): every write that acts is
// keyed on the row (ticket per inbox row, event source key, reply dedupe key), so the run that commits
// second hits a unique key and reports "already-done" instead of acting again.
import { parseCommand } from "./commands/parse-command.ts";
import { UNKNOWN_COMMAND_LEAD } from "../wording/audit-notes.ts";
import { COMMAND_WORDING } from "../wording/command-wording.ts";
import { parseGazetteer } from "../understanding/extract/gazetteer.ts";
import { COMMANDS_BY_VERB } from "./commands/all-commands.ts";
import { runCommand } from "./commands/run-command.ts";
import { isUniqueViolation } from "../infra/db/is-unique-violation.ts";
import { InboundMessageSchema } from "../inbox/inbound-message.ts";
import { helpText, usageReply } from "../wording/command-help.ts";
import { resolveRole } from "../groups/resolve-role.ts";
import { handleMatter, type MatterOutcome } from "./handle-matter.ts";
import {
  answersOnTheDesk,
  markDone,
  reply,
  senderMention,
  type MessageContext,
  type PipelineDeps,
} from "./message-context.ts";

export interface InboxRow {
  id: number;
  payload: string;
}

export type PipelineOutcome = MatterOutcome | "command" | "already-done";

export async function processInboxMessage(
  deps: PipelineDeps,
  row: InboxRow,
  opts: { onAnswer?: MessageContext["onAnswer"] } = {},
): Promise<PipelineOutcome> {
  const { db } = deps;
  const message = InboundMessageSchema.parse(JSON.parse(row.payload));
  const done = await db.inboxMessage.findUnique({ where: { id: row.id }, select: { status: true } });
  if (done?.status === "done") return "already-done";

  // Reads before any transaction: on SQLite a transaction must write first, or a concurrent intake
  // commit would turn its later write into SQLITE_BUSY_SNAPSHOT.
  const groupRow =
    message.chat.id === null
      ? null
      : await db.group.findUnique({
          where: { platform_platformGroupId: { platform: message.platform, platformGroupId: message.chat.id } },
          select: { id: true, name: true, places: true },
        });
  const group = groupRow ? { id: groupRow.id, name: groupRow.name, gazetteer: parseGazetteer(groupRow.places) } : null;
  // A desk action is taken in the role the desk checked for its account; a chat message's sender has the
  // role their membership gives them.
  const role = message.deskActor
    ? { role: message.deskActor.role, name: message.deskActor.name }
    : await resolveRole(db, { platform: message.platform, userId: message.sender.id, groupId: group?.id ?? null });
  const ctx: MessageContext = {
    deps,
    rowId: row.id,
    message,
    group,
    actor: { id: message.sender.id, name: role.name ?? message.sender.name ?? null, role: role.role },
    at: deps.now(),
    ...(opts.onAnswer ? { onAnswer: opts.onAnswer } : {}),
  };

  try {
    const parsed = parseCommand(message.text);
    switch (parsed.kind) {
      case "command":
        return await runCommand(ctx, parsed.command);
      case "malformed":
        return await answerOnly(
          ctx,
          usageReply(
            COMMANDS_BY_VERB.get(parsed.verb)?.wording.usage ?? COMMAND_WORDING.help.usage,
            senderMention(message),
          ),
        );
      case "unknown":
        return await answerOnly(ctx, helpText(senderMention(message), UNKNOWN_COMMAND_LEAD));
      case "message":
        return await handleMatter(ctx);
    }
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Another worker committed this row first; anything else is a real conflict, retried by the worker.
    const now = await db.inboxMessage.findUnique({ where: { id: row.id }, select: { status: true } });
    if (now?.status === "done") return "already-done";
    throw err;
  }
}

async function answerOnly(ctx: MessageContext, body: Parameters<typeof reply>[2]): Promise<"command"> {
  await ctx.deps.db.$transaction(async (tx) => {
    await markDone(tx, ctx);
    if (!answersOnTheDesk(ctx)) await reply(tx, ctx, body);
  });
  ctx.onAnswer?.(body, false);
  return "command";
}
