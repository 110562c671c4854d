// Builds callbacks exactly as WeCom and DingTalk send them: really encrypted and really signed.
// Used by the tests, the demo and the benchmark.
import { randomBytes } from "node:crypto";
import { computeSignature, encryptMessage } from "../src/channels/wecom/wecom-crypto.ts";
import { computeDingtalkSign } from "../src/channels/dingtalk/dingtalk-signature.ts";

export interface WecomKeys {
  token: string;
  encodingAesKey: string;
}

export interface SignedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

function signedQuery(keys: WecomKeys, encrypted: string, at: Date): string {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e9));
  const sig = computeSignature(keys.token, timestamp, nonce, encrypted);
  return new URLSearchParams({ msg_signature: sig, timestamp, nonce }).toString();
}

/** POST /wecom/bot/callback with the AI bot's JSON envelope (receiveid ""). */
export function wecomBotRequest(keys: WecomKeys, message: Record<string, unknown>, at = new Date()): SignedRequest {
  const encrypted = encryptMessage(keys.encodingAesKey, JSON.stringify(message), "");
  return {
    path: `/wecom/bot/callback?${signedQuery(keys, encrypted, at)}`,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ encrypt: encrypted }),
  };
}

/** POST /wecom/app/callback with the app's XML envelope (receiveid = CorpID). */
export function wecomAppRequest(keys: WecomKeys, corpId: string, xml: string, at = new Date()): SignedRequest {
  const encrypted = encryptMessage(keys.encodingAesKey, xml, corpId);
  return {
    path: `/wecom/app/callback?${signedQuery(keys, encrypted, at)}`,
    headers: { "content-type": "text/xml" },
    body: `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>`,
  };
}

/** GET URL-verification request (echostr encrypted for `receiveId`). */
export function wecomVerifyPath(
  route: string,
  keys: WecomKeys,
  receiveId: string,
  plain: string,
  at = new Date(),
): string {
  const echostr = encryptMessage(keys.encodingAesKey, plain, receiveId);
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = "1234567";
  const sig = computeSignature(keys.token, timestamp, nonce, echostr);
  return `${route}?${new URLSearchParams({ msg_signature: sig, timestamp, nonce, echostr })}`;
}

export function wecomAppTextXml(o: {
  corpId: string;
  from: string;
  content: string;
  msgId: string;
  at?: Date;
}): string {
  const t = Math.floor((o.at ?? new Date()).getTime() / 1000);
  return `<xml><ToUserName><![CDATA[${o.corpId}]]></ToUserName><FromUserName><![CDATA[${o.from}]]></FromUserName><CreateTime>${t}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${o.content}]]></Content><MsgId>${o.msgId}</MsgId><AgentID>1000002</AgentID></xml>`;
}

export function wecomBotText(o: {
  msgId: string;
  chatId: string;
  from: string;
  content: string;
  responseUrl: string;
  quote?: string;
}): Record<string, unknown> {
  return {
    msgid: o.msgId,
    aibotid: "AIBOT-minyi",
    chatid: o.chatId,
    chattype: "group",
    from: { userid: o.from },
    response_url: o.responseUrl,
    msgtype: "text",
    text: { content: `@民意助手 ${o.content}` },
    ...(o.quote ? { quote: { msgtype: "text", text: { content: o.quote } } } : {}),
  };
}

const usedDingtalkTimestamps = new Set<number>();

/**
 * POST /dingtalk/callback with `timestamp` + `sign` headers. Like DingTalk, every request gets its own
 * millisecond (the service refuses a sign another message already used), so two requests built at the
 * same `at` are a millisecond apart.
 */
export function dingtalkRequest(appSecret: string, message: Record<string, unknown>, at = new Date()): SignedRequest {
  let t = at.getTime();
  while (usedDingtalkTimestamps.has(t)) t++;
  usedDingtalkTimestamps.add(t);
  const timestamp = String(t);
  return {
    path: "/dingtalk/callback",
    headers: { "content-type": "application/json", timestamp, sign: computeDingtalkSign(timestamp, appSecret) },
    body: JSON.stringify(message),
  };
}

export function dingtalkText(o: {
  msgId: string;
  conversationId: string;
  senderStaffId: string;
  senderNick: string;
  content: string;
  sessionWebhook: string;
  at?: Date;
}): Record<string, unknown> {
  const createAt = (o.at ?? new Date()).getTime();
  return {
    conversationId: o.conversationId,
    chatbotCorpId: "dingcorp",
    chatbotUserId: "$:LWCP_v1:$bot",
    msgId: o.msgId,
    senderNick: o.senderNick,
    isAdmin: false,
    senderStaffId: o.senderStaffId,
    sessionWebhookExpiredTime: createAt + 90 * 60_000,
    createAt,
    senderCorpId: "dingcorp",
    conversationType: "2",
    senderId: `$:LWCP_v1:$${o.senderStaffId}`,
    conversationTitle: "幸福街道代表联络群",
    isInAtList: true,
    sessionWebhook: o.sessionWebhook,
    text: { content: ` ${o.content}` },
    msgtype: "text",
  };
}

export async function send(baseUrl: string, req: SignedRequest): Promise<{ status: number; text: string }> {
  const res = await fetch(baseUrl + req.path, { method: "POST", headers: req.headers, body: req.body });
  return { status: res.status, text: await res.text() };
}

export function randomKeys(): WecomKeys {
  return {
    token: randomBytes(8).toString("hex"),
    encodingAesKey: randomBytes(32)
      .toString("base64")
      .replace(/[^A-Za-z0-9]/g, "a")
      .slice(0, 43),
  };
}
