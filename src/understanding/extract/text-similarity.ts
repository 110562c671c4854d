// How alike two short Chinese texts are: the Dice coefficient of their character bigrams (0..1), over
// letters, digits and CJK characters only. Cheap, order-tolerant, and good enough to tell "the same
// street light again" from a different matter once category and place already agree.
function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""));
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

export function textSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const n of ga.values()) total += n;
  for (const [g, n] of gb) {
    total += n;
    shared += Math.min(n, ga.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}
