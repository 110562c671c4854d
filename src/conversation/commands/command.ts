// A chat command is one descriptor: its words, who may use it, its wording (usage line and name, in
// src/wording/command-wording.ts), how to read its arguments and what it does. The table of all
// descriptors is all-commands.ts; reading (parse-command.ts) and running (run-command.ts) are generic.
import type { Role } from "../../groups/role.ts";
import type { Tx } from "../../infra/db/create-database.ts";
import type { OutboundBody } from "../../outbox/outbound-body.ts";
import type { CommandWording } from "../../wording/command-wording.ts";
import type { FoundTicket } from "../find-ticket.ts";
import type { MessageContext } from "../message-context.ts";

/**
 * What a command decides before the transaction: an answer only (a refusal, a lookup); a change to apply
 * inside the transaction that returns the answer; or `done` when it committed its own transaction
 * (a reception-day matter opens a ticket like any report).
 */
export type Plan =
  { answer: OutboundBody } | { apply: (tx: Tx) => Promise<OutboundBody>; afterCommit?: () => void } | { done: true };

interface Common {
  /** Stable id, e.g. "claim". */
  verb: string;
  /** The words that start it in a chat, e.g. ["认领"]. */
  words: readonly string[];
  roles: readonly Role[];
  wording: CommandWording;
}

/** "认领 #2026-0007 …": the ticket number right after the word, then the arguments. */
export interface TicketCommand<A> extends Common {
  form: "ticket";
  /** The arguments after the number, or null when they are missing or wrong (the usage is shown). */
  parse(rest: string, number: string): A | null;
  run(ctx: MessageContext, ticket: FoundTicket, args: A): Plan | Promise<Plan>;
}

/** "统计", "帮助": the word alone. */
export interface BareCommand extends Common {
  form: "bare";
  run(ctx: MessageContext): Plan | Promise<Plan>;
}

/** "接待登记 12月10日 …": the word, then free text. */
export interface TextCommand<A> extends Common {
  form: "text";
  parse(rest: string): A | null;
  run(ctx: MessageContext, args: A): Plan | Promise<Plan>;
}

export type CommandDescriptor = TicketCommand<unknown> | BareCommand | TextCommand<unknown>;

export const STAFF: readonly Role[] = ["staff"];
/** Handling (claim, progress, answer, close) is shared by deputies and staff. */
export const HANDLERS: readonly Role[] = ["deputy", "staff"];
export const EVERYONE: readonly Role[] = ["resident", "deputy", "staff"];

/** The sender's name as the group knows it. */
export function actorName(ctx: MessageContext): string {
  return ctx.actor.name ?? ctx.message.sender.name ?? ctx.actor.id;
}
