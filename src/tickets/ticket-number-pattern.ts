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
