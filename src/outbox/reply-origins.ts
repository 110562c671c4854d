// Reply URLs come from outside: a callback carries its response_url / sessionWebhook, and the groups
// file names push robots. The bot POSTs to them, so an unchecked URL lets a forged callback make the
// service call anything it can reach (SSRF: http://127.0.0.1:…/internal, file:///…). Only the origins
// in MINYI_REPLY_ORIGINS (default: the platforms' own HTTPS hosts) are accepted, at intake and again
// before each send.
import type { ReplyRoute } from "./reply-route.ts";

/**
 * The URLs a route may post to: by convention its `url` field, and a `fallbackUrl` used when its own way is
 * down (a long connection's reply falling back to the message's response_url). None for routes that build
 * their URL from configuration.
 */
export function replyUrlsOf(route: ReplyRoute): string[] {
  return [route.url, route.fallbackUrl].filter((u) => u !== undefined).map(String);
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
  const url = replyUrlsOf(route).find((u) => !isAllowedReplyUrl(u, origins));
  if (url === undefined) return null;
  return `reply URL ${cutShort(url)} is not on an allowed platform origin (MINYI_REPLY_ORIGINS: ${origins.join(", ")})`;
}

/** Long values from outside are logged and echoed cut short. */
export function cutShort(value: string, max = 80): string {
  return value.length <= max ? value : `${value.slice(0, max)}…(${value.length} chars)`;
}
