// The chat commands deputies, staff and residents send to the bot, as data.
import type { CloseReason } from "../tickets/ticket-status.ts";

export const RATINGS = ["满意", "基本满意", "不满意"] as const;
export type Rating = (typeof RATINGS)[number];

export type Command =
  | { verb: "claim"; number: string }
  | { verb: "progress"; number: string; note: string }
  | { verb: "reply"; number: string; note: string }
  | { verb: "close"; number: string; reason: CloseReason; note: string }
  | { verb: "recategorize"; number: string; category: string }
  | { verb: "merge"; number: string; into: string }
  | { verb: "query"; number: string }
  | { verb: "rate"; number: string; resolved: boolean | null; rating: Rating | null }
  | { verb: "withdraw"; number: string }
  | { verb: "reopen"; number: string; note: string }
  | { verb: "mine" }
  | { verb: "stats" }
  | { verb: "contact-book" }
  /** 接待登记: after a reception day, how many residents came and which deputies were there. */
  | { verb: "reception-log"; date: string | null; visitors: number | null; names: string[] }
  /** 接待问题: one matter raised on a reception day, which becomes a ticket. */
  | { verb: "reception-issue"; date: string | null; text: string }
  | { verb: "help" };

export type Verb = Command["verb"];

/** The command of one verb, e.g. CommandOf<"close">. */
export type CommandOf<V extends Verb> = Extract<Command, { verb: V }>;

/** What the parser made of a message. */
export type ParsedMessage =
  | { kind: "command"; command: Command }
  /** A command word with missing or wrong arguments: answer with that command's usage. */
  | { kind: "malformed"; verb: Verb }
  /** Looks like a command ("/…") but is none we know: answer with the help text. */
  | { kind: "unknown" }
  /** Not a command: an ordinary message (a new matter, a follow-up, chat). */
  | { kind: "message" };
