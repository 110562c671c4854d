// How people quote ticket numbers in a chat: "#2026-0007", "＃2026-7", "2026-0007". Normalised to the
// stored form "2026-0007".
import { formatTicketNumber } from "./next-ticket-number.ts";

const NUMBER = /[#＃]?\s*(20\d{2})\s*[-－—]\s*(\d{1,6})(?!\d)/g;
const HASHED_NUMBER = /[#＃]\s*(20\d{2})\s*[-－—]\s*(\d{1,6})(?!\d)/g;

/**
 * Every ticket number quoted in a text, normalised, in order of appearance, without repeats. In free
 * text pass `requireHash`: without the '#', "2026-11-22" would read as ticket 2026-0011.
 */
export function quotedTicketNumbers(text: string, opts: { requireHash?: boolean } = {}): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(opts.requireHash ? HASHED_NUMBER : NUMBER)) {
    const n = formatTicketNumber(Number(m[1]), Number(m[2]));
    if (!found.includes(n)) found.push(n);
  }
  return found;
}

/** A regex source matching one quoted number (for command grammars). */
export const TICKET_NUMBER_SOURCE = "[#＃]?\\s*20\\d{2}\\s*[-－—]\\s*\\d{1,6}(?!\\d)";

/** A short number ("#7", "＃12", or "7" right after a command word): this year's ticket, its year unknown yet. */
export const SHORT_NUMBER_SOURCE = "(?:[#＃]\\s*|(?=\\d{1,5}(?:$|[\\s，,。:：])))(\\d{1,5})(?![\\d-－—])";
const THIS_YEAR = "????";

/** The stored form of a short number until its year is known: "????-0007". */
export function shortTicketNumber(n: number): string {
  return `${THIS_YEAR}-${String(n).padStart(4, "0")}`;
}

/** A short number becomes the ticket of `year` (the year the message was sent, Asia/Shanghai). */
export function resolveTicketNumber(number: string, year: number): string {
  return number.startsWith(`${THIS_YEAR}-`) ? `${year}${number.slice(THIS_YEAR.length)}` : number;
}
