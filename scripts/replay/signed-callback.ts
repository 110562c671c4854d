// One line of a replay script as the platform would deliver it: a really signed and encrypted callback. A
// line with a WeCom group goes through the AI bot (with its quote), one with a DingTalk group through the
// enterprise robot, one without a group through the WeCom app (a one-to-one chat).
import {
  dingtalkRequest,
  dingtalkText,
  wecomAppRequest,
  wecomAppTextXml,
  wecomBotRequest,
  wecomBotText,
  type SignedRequest,
  type WecomKeys,
} from "../../support/platform-client.ts";

export interface ScriptLine {
  at: string;
  group?: string;
  from: string;
  name?: string;
  text: string;
  quote?: string;
}

export interface CallbackKeys {
  bot: WecomKeys;
  app: WecomKeys;
  corpId: string;
  dingtalkSecret: string;
  fakeUrl: string;
}

/** The request, and the path its reply arrives at on the fake (none for the app: replies go by message/send). */
export function signedCallback(
  line: ScriptLine,
  id: string,
  platformOf: (group: string) => "wecom" | "dingtalk" | undefined,
  keys: CallbackKeys,
): { request: SignedRequest; replyPath: string | null } {
  const at = new Date(line.at);
  if (!line.group) {
    const xml = wecomAppTextXml({ corpId: keys.corpId, from: line.from, content: line.text, msgId: id, at });
    return { request: wecomAppRequest(keys.app, keys.corpId, xml, at), replyPath: null };
  }
  const platform = platformOf(line.group);
  if (platform === "dingtalk") {
    const replyPath = `/dingtalk/session/${id}`;
    const text = line.quote ? `「${line.quote}」${line.text}` : line.text;
    const msg = dingtalkText({
      msgId: id,
      conversationId: line.group,
      senderStaffId: line.from,
      senderNick: line.name ?? line.from,
      content: text,
      sessionWebhook: `${keys.fakeUrl}${replyPath}`,
      at,
    });
    return { request: dingtalkRequest(keys.dingtalkSecret, msg, at), replyPath };
  }
  if (platform !== "wecom") throw new Error(`group "${line.group}" is not in the groups file`);
  const replyPath = `/wecom/response/${id}`;
  const msg = wecomBotText({
    msgId: id,
    chatId: line.group,
    from: line.from,
    content: line.text,
    responseUrl: `${keys.fakeUrl}${replyPath}`,
    ...(line.quote ? { quote: line.quote } : {}),
  });
  return { request: wecomBotRequest(keys.bot, msg, at), replyPath };
}
