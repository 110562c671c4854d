// One line of a resident's words, so a reply shows what it is about without a wall of text.
export function brief(text: string, maxChars = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length > maxChars ? `${chars.slice(0, maxChars).join("")}…` : flat;
}
