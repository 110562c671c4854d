// What the fake platform received, as the replay prints it: one line per post the bot made, with the chat
// it went to (a group id, "staff:<group id>", or "user:<id>" for one-to-one), who was mentioned, and the
// text as people read it.
import type { ReceivedPost } from "../../support/fake-platform.ts";

export interface Post {
  at: string;
  chat: string;
  mentions: string[];
  text: string;
}

/** `replyChats`: where each reply URL (response_url, sessionWebhook) belongs, by its path. */
export function postOf(r: ReceivedPost, replyChats: ReadonlyMap<string, string>): Post {
  const body = r.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const url = new URL(r.path, "http://fake");
  const chat =
    replyChats.get(url.pathname) ??
    url.searchParams.get("to") ??
    (body.touser ? `user:${String(body.touser)}` : null) ??
    (body.userIds ? `users:${(body.userIds as string[]).join("|")}` : null) ??
    String(body.openConversationId ?? "unknown");
  const text: string =
    body.markdown?.content ??
    body.markdown?.text ??
    body.text?.content ??
    (body.msgParam ? JSON.parse(body.msgParam).text : "");
  const mentions = new Set<string>([
    ...[...text.matchAll(/<@([^>]+)>/g)].map((m) => m[1]!),
    ...((body.at?.atUserIds as string[] | undefined) ?? []),
  ]);
  return { at: shanghaiIso(r.at), chat, mentions: [...mentions], text };
}

/** "2026-12-01T09:05:00+08:00": the time as the script writes it. */
function shanghaiIso(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}
