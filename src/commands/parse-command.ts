// Reads a chat command in natural Chinese: "认领 #2026-0007", "进展 #2026-0007 已联系市政",
// "合并 #2026-0009 到 #2026-0007", "我的工单". A message that merely starts with a command word
// ("查询一下社保怎么交") is an ordinary message: a command needs its ticket number right after the word.
import { quotedTicketNumbers, TICKET_NUMBER_SOURCE } from "../tickets/ticket-number-pattern.ts";
import type { CloseReason } from "../tickets/ticket-status.ts";
import { RATINGS, type Command, type ParsedMessage, type Rating, type Verb } from "./command.ts";

type TicketVerb = Exclude<Verb, "mine" | "stats" | "contact-book" | "help" | "reception-log" | "reception-issue">;

const TICKET_VERBS: Array<[string, TicketVerb]> = [
  ["重新办理", "reopen"],
  ["改分类", "recategorize"],
  ["认领", "claim"],
  ["进展", "progress"],
  ["答复", "reply"],
  ["反馈", "reply"],
  ["办结", "close"],
  ["改类", "recategorize"],
  ["合并", "merge"],
  ["查询", "query"],
  ["查看", "query"],
  ["评价", "rate"],
  ["撤回", "withdraw"],
  ["撤销", "withdraw"],
  ["重办", "reopen"],
];

const BARE_VERBS: Record<string, Verb> = {
  我的工单: "mine",
  统计: "stats",
  联系册: "contact-book",
  履职记录: "contact-book",
  帮助: "help",
  菜单: "help",
  help: "help",
};

const NUMBER_AT_START = new RegExp(`^[:：]?\\s*(${TICKET_NUMBER_SOURCE})\\s*[:：，,]?\\s*`);

function closeReasonOf(note: string): { reason: CloseReason; note: string } {
  const rules: Array<[RegExp, CloseReason]> = [
    [/^(未解决|未能解决|无法解决)[:：，,。\s]*/, "not_fixed"],
    [/^(非本级职责|非职责范围|不属于[^，,。\s]*)[:：，,。\s]*/, "not_ours"],
    [/^(重复反映|重复)[:：，,。\s]*/, "duplicate"],
  ];
  for (const [re, reason] of rules) {
    const m = re.exec(note);
    if (m) return { reason, note: note.slice(m[0].length).trim() || m[1]! };
  }
  return { reason: "fixed", note };
}

function ratingOf(words: string): { resolved: boolean | null; rating: Rating | null } {
  const resolved = /(未解决|没解决|没有解决|没修好|还没好)/.test(words) ? false : /(已解决|解决了|修好了|已修好)/.test(words) ? true : null;
  // Longest first: "不满意" and "基本满意" both contain "满意".
  const rating = (["不满意", "基本满意", "满意"] as const).find((r) => words.includes(r)) ?? null;
  return { resolved, rating: rating && (RATINGS as readonly string[]).includes(rating) ? rating : null };
}

function ticketCommand(verb: TicketVerb, number: string, rest: string): Command | null {
  switch (verb) {
    case "claim":
    case "query":
    case "withdraw":
      return { verb, number };
    case "progress":
    case "reply":
      return rest ? { verb, number, note: rest } : null;
    case "reopen":
      return { verb, number, note: rest };
    case "close":
      return { verb, number, ...closeReasonOf(rest) };
    case "recategorize": {
      const category = rest.replace(/^(为|到|成)\s*/, "").trim();
      return category ? { verb, number, category } : null;
    }
    case "merge": {
      const into = quotedTicketNumbers(rest)[0];
      return into && into !== number ? { verb, number, into } : null;
    }
    case "rate": {
      const r = ratingOf(rest);
      return r.rating || r.resolved !== null ? { verb, number, ...r } : null;
    }
  }
}

/** "12月10日", "12-10", "2026-12-10" at the start: the date as written (year resolved later), and the rest. */
const DATE_AT_START = /^(?:(\d{4})[-/.年])?(\d{1,2})(?:[-/.]|月)(\d{1,2})(?:日|号)?[，,：:\s]*/;

function leadingDate(text: string): { date: string | null; rest: string } {
  const m = DATE_AT_START.exec(text);
  if (!m) return { date: null, rest: text };
  const pad = (n: string) => n.padStart(2, "0");
  return { date: `${m[1] ?? "????"}-${pad(m[2]!)}-${pad(m[3]!)}`, rest: text.slice(m[0].length).trim() };
}

function receptionCommand(word: string, afterVerb: string): Command | null {
  const { date, rest } = leadingDate(afterVerb);
  if (word === "接待问题" || word === "接待意见") return rest ? { verb: "reception-issue", date, text: rest } : null;
  const visitors = /(?:来访|接待)?\s*(\d+)\s*(?:人|位|名)/.exec(rest);
  const present = /(?:到场|出席|值班)(?:代表)?[：:\s]*(.+)$/.exec(rest);
  const names = present ? present[1]!.split(/[、，,；;\s]+/).map((n) => n.replace(/^@/, "").trim()).filter(Boolean) : [];
  return visitors || names.length ? { verb: "reception-log", date, visitors: visitors ? Number(visitors[1]) : null, names } : null;
}

const RECEPTION_WORDS = ["接待登记", "接待记录", "接待问题", "接待意见"];

export function parseCommand(raw: string): ParsedMessage {
  const slash = /^[/／]/.test(raw.trim());
  const text = raw.trim().replace(/^[/／]\s*/, "").replace(/\s+/g, " ");
  const bare = BARE_VERBS[text.replace(/[。.!！?？\s]+$/, "").toLowerCase()];
  if (bare) return { kind: "command", command: { verb: bare } as Command };

  const reception = RECEPTION_WORDS.find((w) => text.startsWith(w));
  if (reception) {
    const command = receptionCommand(reception, text.slice(reception.length).trim());
    const verb = reception.startsWith("接待登记") || reception === "接待记录" ? "reception-log" : "reception-issue";
    return command ? { kind: "command", command } : { kind: "malformed", verb };
  }

  for (const [word, verb] of TICKET_VERBS) {
    if (!text.startsWith(word)) continue;
    const afterVerb = text.slice(word.length).trim();
    const m = NUMBER_AT_START.exec(afterVerb);
    if (!m) {
      // "认领" alone, or "/认领 abc": a command with its number missing. Anything else is a sentence.
      return afterVerb === "" || slash ? { kind: "malformed", verb } : { kind: "message" };
    }
    const number = quotedTicketNumbers(m[1]!)[0]!;
    const command = ticketCommand(verb, number, afterVerb.slice(m[0].length).trim());
    return command ? { kind: "command", command } : { kind: "malformed", verb };
  }
  return slash ? { kind: "unknown" } : { kind: "message" };
}
