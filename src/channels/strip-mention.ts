// Text clean-up shared by the platform adapters.

/** Both platforms leave the "@机器人" mention (WeCom) or a leading space (DingTalk) in the text. */
export function stripMention(text: string): string {
  return text.replace(/^(\s*@\S+)+/u, "").trim();
}

/** Deputies paste a resident's words behind a marker such as "转：" or "【转发】居民反映：". */
const FORWARD_MARKER = /^(\s*@\S+)*\s*(【?转发?】?[:：]|【转发】|转居民|代居民|居民反映[:：]|群众反映[:：])/u;

export function looksForwarded(text: string): boolean {
  return FORWARD_MARKER.test(text);
}
