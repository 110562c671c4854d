// Voice-to-text sometimes puts a space between every few words ("锦江 小区 9栋 楼道里 全是 烟"). Names,
// decisive words and the model's character n-grams are written without them, so such a message is read
// with the spaces between Chinese words taken out. A space between clauses ("咋整啊 电力宿舍四栋") is a
// boundary a reader needs, so only text that is spaced word by word is joined: many spaces, short runs.

/** Spaces between two Chinese characters. */
const SPACE_BETWEEN_WORDS = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;
/** When joining: also the spaces between a Chinese word and a number ("小区 9栋"), never between two numbers. */
const SPACE_TO_JOIN = /(?<=\p{Script=Han})\s+(?=[\p{Script=Han}0-9])|(?<=[0-9])\s+(?=\p{Script=Han})/gu;
/** Word by word: at least this many spaces between Chinese words … */
const MIN_SPACES = 3;
/** … and runs of text between spaces this short on average (clauses are longer). */
const MAX_MEAN_RUN = 3.5;

/** The text with the spaces between Chinese words removed when it is spaced word by word, else as it is. */
export function joinSpokenWords(text: string): string {
  const spaces = text.match(SPACE_BETWEEN_WORDS)?.length ?? 0;
  if (spaces < MIN_SPACES) return text;
  const runs = text.split(/\s+/u).filter((r) => r !== "");
  const meanRun = runs.reduce((sum, r) => sum + [...r].length, 0) / runs.length;
  return meanRun <= MAX_MEAN_RUN ? text.replace(SPACE_TO_JOIN, "") : text;
}
