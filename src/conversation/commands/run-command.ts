// Runs one chat command with its descriptor: role check, ticket lookup (reads, outside the transaction),
// then one transaction that marks the inbox row done, applies the change with its audit-trail event, and
// queues the answer. A redelivered or concurrently re-run command hits the event's or the reply's unique
// key and changes nothing.
import { shanghaiDate } from "../../infra/shanghai-time.ts";
import { ChangedMeanwhile } from "../../tickets/change-ticket.ts";
import { resolveTicketNumber } from "../../tickets/ticket-number-pattern.ts";
import type { OutboundBody } from "../../outbox/outbound-body.ts";
import { changedMeanwhileReply, notAllowedReply, ticketNotFoundReply } from "../../wording/refusals.ts";
import { findTicket } from "../find-ticket.ts";
import { answersOnTheDesk, markDone, reply, senderMention, type MessageContext } from "../message-context.ts";
import { COMMANDS_BY_VERB } from "./all-commands.ts";
import type { Plan } from "./command.ts";
import type { ReadCommand } from "./parse-command.ts";

async function commit(ctx: MessageContext, plan: Plan, ticketId?: number, number?: string): Promise<"command"> {
  if ("done" in plan) return "command";
  let answered: { body: OutboundBody; applied: boolean } | undefined;
  await ctx.deps.db.$transaction(async (tx) => {
    await markDone(tx, ctx);
    let body: OutboundBody;
    let applied = false;
    if ("answer" in plan) body = plan.answer;
    else {
      try {
        body = await plan.apply(tx);
        applied = true;
      } catch (err) {
        if (!(err instanceof ChangedMeanwhile)) throw err;
        body = changedMeanwhileReply(number ?? "", senderMention(ctx.message));
      }
    }
    if (applied || !answersOnTheDesk(ctx)) await reply(tx, ctx, body, ticketId);
    answered = { body, applied };
  });
  if (answered) ctx.onAnswer?.(answered.body, answered.applied);
  if ("apply" in plan) plan.afterCommit?.();
  return "command";
}

export async function runCommand(ctx: MessageContext, command: ReadCommand): Promise<"command"> {
  const descriptor = COMMANDS_BY_VERB.get(command.verb);
  if (!descriptor) throw new Error(`no command "${command.verb}"`);
  const mention = senderMention(ctx.message);
  // A short number ("#7") is this year's, the year the message was received (Asia/Shanghai).
  const year = Number(shanghaiDate(ctx.at).slice(0, 4));
  const number = typeof command.number === "string" ? resolveTicketNumber(command.number, year) : undefined;
  if (!descriptor.roles.includes(ctx.actor.role)) {
    return commit(ctx, { answer: notAllowedReply(descriptor.wording.label, descriptor.roles, mention, number) });
  }
  switch (descriptor.form) {
    case "bare":
      return commit(ctx, await descriptor.run(ctx));
    case "text":
      return commit(ctx, await descriptor.run(ctx, command));
    case "ticket": {
      const ticket = await findTicket(ctx, number ?? "");
      if (!ticket) return commit(ctx, { answer: ticketNotFoundReply(number ?? "", mention) });
      return commit(ctx, await descriptor.run(ctx, ticket, command), ticket.id, ticket.number);
    }
  }
}
