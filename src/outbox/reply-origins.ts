// Reply URLs come from outside: a callback carries its response_url / sessionWebhook, and the groups
// file names push robots. The bot POSTs to them, so an unchecked URL lets a forged callback make the
// service call anything it can reach (SSRF: http://127.0.0.1:…/internal, file:///…). Only the origins
// in MINYI_REPLY_ORIGINS (default: the platforms' own HTTPS hosts) are accepted, at intake and again
// before each send.
import type { ReplyRoute } from "./reply-route.ts";

/** The URL a route posts to (by convention its `url` field), or null for routes that build their URL from configuration. */
export function replyUrlOf(route: ReplyRoute): string | null {
  return route.url === undefined ? null : String(route.url);
}

/** True when `url` parses and its origin (scheme, host and port) is one of `origins`. */
export function isAllowedReplyUrl(url: string, origins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === "https:" || parsed.protocol === "http:") && origins.includes(parsed.origin);
}

/** A reason for a refused route, or null when it may be used. */
export function refuseReplyRoute(route: ReplyRoute, origins: readonly string[]): string | null {
  const url = replyUrlOf(route);
  if (url === null || isAllowedReplyUrl(url, origins)) return null;
  return `reply URL ${cutShort(url)} is not on an allowed platform origin (MINYI_REPLY_ORIGINS: ${origins.join(", ")})`;
}

/** Long values from outside are logged and echoed cut short. */
export function cutShort(value: string, max = 80): string {
  return value.length <= max ? value : `${value.slice(0, max)}…(${value.length} chars)`;
}
