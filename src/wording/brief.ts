// One line of a resident's words, so a post shows what it is about without a wall of text. Personal data
// is masked before the line is cut, so a number cut short is never shown half unmasked, and the same
// number reads the same in every post.
import { maskPersonalData } from "../infra/mask-personal-data.ts";

export function brief(text: string, maxChars = 60): string {
  const flat = maskPersonalData(text).replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length > maxChars ? `${chars.slice(0, maxChars).join("")}…` : flat;
}
