// Reads a chat command in natural Chinese with the words of the descriptors (all-commands.ts):
// "认领 #2026-0007", "进展 #2026-0007 已联系市政", "合并 #2026-0009 到 #2026-0007", "我的工单",
// "接待登记 12月10日 来访 8 人". A message that merely starts with a command word ("查询一下社保怎么交") is
// an ordinary message: a ticket command needs its ticket number right after the word.
import {
  quotedTicketNumbers,
  SHORT_NUMBER_SOURCE,
  shortTicketNumber,
  TICKET_NUMBER_SOURCE,
} from "../../tickets/ticket-number-pattern.ts";
import { COMMANDS } from "./all-commands.ts";
import type { CommandDescriptor } from "./command.ts";

/** A command read from a message: its verb and its arguments (the ticket number among them). */
export type ReadCommand = { verb: string } & Record<string, unknown>;

/** What the reader made of a message. */
export type ParsedMessage =
  | { kind: "command"; command: ReadCommand }
  /** A command word with missing or wrong arguments: answer with that command's usage. */
  | { kind: "malformed"; verb: string }
  /** Looks like a command ("/…") but is none we know: answer with the help text. */
  | { kind: "unknown" }
  /** Not a command: an ordinary message (a new matter, a follow-up, chat). */
  | { kind: "message" };

const NUMBER_AT_START = new RegExp(`^[:：]?\\s*(${TICKET_NUMBER_SOURCE})\\s*[:：，,]?\\s*`);
/** "查询 #7", "查询 7": this year's ticket 0007 (resolved when the command runs). */
const SHORT_NUMBER_AT_START = new RegExp(`^[:：]?\\s*${SHORT_NUMBER_SOURCE}\\s*[:：，,]?\\s*`);
/** Words people add after a bare command: "统计一下本月情况", "帮助一下", "我的工单有哪些". */
const BARE_TAIL = /^(?:一下|下|看看|看一下|查一下|本月|这个月|本周|情况|的|吧|呢|啊|有哪些|有什么|列表|\s)*$/u;

/** Every word of every descriptor of a form, longest first (so that a longer word wins over its prefix). */
function wordsOf(form: CommandDescriptor["form"]): Array<[string, CommandDescriptor]> {
  return COMMANDS.filter((c) => c.form === form)
    .flatMap((c) => c.words.map((w): [string, CommandDescriptor] => [w, c]))
    .sort((a, b) => b[0].length - a[0].length);
}

const BARE = new Map(wordsOf("bare").map(([w, c]) => [w.toLowerCase(), c]));
const TEXT = wordsOf("text");
const TICKET = wordsOf("ticket");

export function parseCommand(raw: string): ParsedMessage {
  const slash = /^[/／]/.test(raw.trim());
  const text = raw
    .trim()
    .replace(/^[/／]\s*/, "")
    .replace(/\s+/g, " ");
  const plain = text.replace(/[。.!！?？\s]+$/, "").toLowerCase();
  const bare =
    BARE.get(plain) ?? [...BARE].find(([w]) => plain.startsWith(w) && BARE_TAIL.test(plain.slice(w.length)))?.[1];
  if (bare) return { kind: "command", command: { verb: bare.verb } };

  for (const [word, c] of TEXT) {
    if (c.form !== "text" || !text.startsWith(word)) continue;
    const args = c.parse(text.slice(word.length).trim());
    return args
      ? { kind: "command", command: { verb: c.verb, ...(args as object) } }
      : { kind: "malformed", verb: c.verb };
  }

  for (const [word, c] of TICKET) {
    if (c.form !== "ticket" || !text.startsWith(word)) continue;
    const afterVerb = text.slice(word.length).trim();
    const m = NUMBER_AT_START.exec(afterVerb);
    const short = m ? null : SHORT_NUMBER_AT_START.exec(afterVerb);
    if (short) {
      const number = shortTicketNumber(Number(short[1]));
      const args = c.parse(afterVerb.slice(short[0].length).trim(), number);
      return args
        ? { kind: "command", command: { verb: c.verb, number, ...(args as object) } }
        : { kind: "malformed", verb: c.verb };
    }
    if (!m) {
      // "认领" alone, or "/认领 abc": a command with its number missing. Anything else is a sentence.
      return afterVerb === "" || slash ? { kind: "malformed", verb: c.verb } : { kind: "message" };
    }
    const number = quotedTicketNumbers(m[1]!)[0]!;
    const args = c.parse(afterVerb.slice(m[0].length).trim(), number);
    return args
      ? { kind: "command", command: { verb: c.verb, number, ...(args as object) } }
      : { kind: "malformed", verb: c.verb };
  }
  return slash ? { kind: "unknown" } : { kind: "message" };
}
