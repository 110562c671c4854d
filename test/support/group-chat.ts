// Talking in the WeCom test group through really signed, encrypted callbacks, and reading the bot's
// answer where the platform would receive it (the fake response_url).
import { randomUUID } from "node:crypto";
import { send, wecomBotRequest, wecomBotText, type SignedRequest } from "../../support/platform-client.ts";
import { eventually, WECOM_GROUP, type TestService } from "./start-test-service.ts";

export interface Said {
  /** The bot's markdown answer, as posted to the platform. */
  answer: string;
  /** The signed request, to deliver again. */
  request: SignedRequest;
  /** The fake platform path the answer was posted to. */
  path: string;
}

/** Sends `content` from `from` (with the @bot) and waits for the one answer. `at` signs it at that time (for a service on a shifted clock). */
export async function say(t: TestService, from: string, content: string, at = new Date()): Promise<Said> {
  const msgId = `m-${randomUUID()}`;
  const path = `/wecom/response/${msgId}`;
  const request = wecomBotRequest(
    t.botKeys,
    wecomBotText({ msgId, chatId: WECOM_GROUP, from, content, responseUrl: t.fake.url + path }),
    at,
  );
  const res = await send(t.url, request);
  if (res.status !== 200) throw new Error(`callback answered ${res.status}: ${res.text}`);
  const post = await eventually(async () => t.fake.received.find((r) => r.path === path));
  return { answer: (post.body as { markdown: { content: string } }).markdown.content, request, path };
}

/** The ticket number a "已受理" answer announces. */
export function ticketNumberIn(answer: string): string {
  const m = /#(\d{4}-\d{4})/.exec(answer);
  if (!m) throw new Error(`no ticket number in: ${answer}`);
  return m[1]!;
}
