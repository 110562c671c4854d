// Runs one chat command: role check, ticket lookup (reads, outside the transaction), then one
// transaction that marks the inbox row done, applies the change with its audit-trail event, and queues
// the answer. A redelivered or concurrently re-run command hits the event's or the reply's unique key
// and changes nothing.
import { markDone, reply, senderMention, type MessageContext } from "../pipeline/message-context.ts";
import { findTicket, type FoundTicket } from "../pipeline/find-ticket.ts";
import type { OutboundBody } from "../outbound/reply-route.ts";
import { helpText } from "../replies/command-help.ts";
import { notAllowedReply, ticketNotFoundReply } from "../replies/refusals.ts";
import type { Command } from "./command.ts";
import { answer, claim, close, progress } from "./handlers/handling.ts";
import { deputyContactBook, mine, query, stats } from "./handlers/lookups.ts";
import { ChangedMeanwhile, changedMeanwhile, type Plan } from "./handlers/plan.ts";
import { logReception, raiseReceptionIssue } from "./handlers/reception.ts";
import { rate, withdraw } from "./handlers/resident.ts";
import { merge, recategorize, reopen } from "./handlers/triage.ts";
import { ALLOWED_ROLES, mayRun } from "./permissions.ts";

type TicketCommand = Extract<Command, { number: string }>;

function planFor(ctx: MessageContext, t: FoundTicket, c: TicketCommand): Plan | Promise<Plan> {
  switch (c.verb) {
    case "claim":
      return claim(ctx, t);
    case "progress":
      return progress(ctx, t, c);
    case "reply":
      return answer(ctx, t, c);
    case "close":
      return close(ctx, t, c);
    case "recategorize":
      return recategorize(ctx, t, c);
    case "merge":
      return merge(ctx, t, c);
    case "reopen":
      return reopen(ctx, t, c);
    case "query":
      return query(ctx, t);
    case "rate":
      return rate(ctx, t, c);
    case "withdraw":
      return withdraw(ctx, t);
  }
}

async function commit(ctx: MessageContext, plan: Plan, ticketId: number | undefined, number?: string): Promise<"command"> {
  await ctx.deps.db.$transaction(async (tx) => {
    await markDone(tx, ctx);
    let body: OutboundBody;
    if ("answer" in plan) body = plan.answer;
    else {
      try {
        body = await plan.apply(tx);
      } catch (err) {
        if (!(err instanceof ChangedMeanwhile)) throw err;
        body = changedMeanwhile(ctx, number ?? "");
      }
    }
    await reply(tx, ctx, body, ticketId);
  });
  if ("apply" in plan) plan.afterCommit?.();
  return "command";
}

export async function runCommand(ctx: MessageContext, command: Command): Promise<"command"> {
  const mention = senderMention(ctx.message);
  if (!mayRun(ctx.actor.role, command.verb)) {
    const number = "number" in command ? command.number : undefined;
    return commit(ctx, { answer: notAllowedReply(command.verb, ALLOWED_ROLES[command.verb], mention, number) }, undefined);
  }
  switch (command.verb) {
    case "help":
      return commit(ctx, { answer: helpText(mention) }, undefined);
    case "mine":
      return commit(ctx, { answer: await mine(ctx) }, undefined);
    case "stats":
      return commit(ctx, { answer: await stats(ctx) }, undefined);
    case "contact-book":
      return commit(ctx, { answer: await deputyContactBook(ctx) }, undefined);
    case "reception-log":
      return commit(ctx, await logReception(ctx, command), undefined);
    case "reception-issue":
      return raiseReceptionIssue(ctx, command);
  }
  const ticket = await findTicket(ctx, command.number);
  if (!ticket) return commit(ctx, { answer: ticketNotFoundReply(command.number, mention) }, undefined);
  return commit(ctx, await planFor(ctx, ticket, command), ticket.id, ticket.number);
}
