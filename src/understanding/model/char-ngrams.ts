// Features for short Chinese texts: character unigrams and bigrams after normalization. Chinese has no
// spaces and residents' messages are short, so characters carry more signal than a word segmenter's
// guesses, at a fraction of its cost.

const DROP = /[^\p{L}\p{N}]+/gu;

/** NFKC (full-width → half-width), lower case, letters (Han included) and digits only. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(DROP, "");
}

export function charNgrams(text: string): string[] {
  const chars = Array.from(normalizeText(text));
  const grams: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    grams.push(chars[i]!);
    if (i + 1 < chars.length) grams.push(chars[i]! + chars[i + 1]!);
  }
  return grams;
}
