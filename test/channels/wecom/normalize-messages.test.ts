import { describe, expect, it } from "vitest";
import { normalizeAppMessage } from "../../../src/channels/wecom/normalize-app-message.ts";
import { normalizeBotMessage } from "../../../src/channels/wecom/normalize-bot-message.ts";

const now = new Date("2026-11-22T08:00:00Z");

describe("WeCom app messages", () => {
  it("keep the 64-bit MsgId of the official XML vector exactly", () => {
    const xml =
      "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>";
    expect(normalizeAppMessage(xml, now)).toMatchObject({
      platformMessageId: "4561255354251345929",
      text: "hello",
      sender: { id: "mycreate" },
      viaDeputy: true,
    });
  });

  it("keep the 64-bit MsgId of the official JSON vector exactly, though it is a bare number there", () => {
    const json =
      '{"ToUserName":"wx5823bf96d3bd56c7","FromUserName":"mycreate","CreateTime": 1409659813,"MsgType":"text","Content":"hello","MsgId":4561255354251345929,"AgentID": 218}';
    expect(normalizeAppMessage(json, now)?.platformMessageId).toBe("4561255354251345929");
  });

  it("ignore events", () => {
    const xml =
      "<xml><FromUserName><![CDATA[u]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event></xml>";
    expect(normalizeAppMessage(xml, now)).toBeNull();
  });
});

describe("WeCom AI bot messages", () => {
  it("strip the @bot mention and treat a quoted message as relayed by a deputy", () => {
    const m = normalizeBotMessage(
      {
        msgid: "m1",
        chatid: "c1",
        chattype: "group",
        from: { userid: "d1" },
        msgtype: "text",
        text: { content: "@民意助手 请登记" },
        quote: { msgtype: "text", text: { content: "路灯坏了" } },
        response_url: "https://example.invalid/r",
      },
      now,
    );
    expect(m).toMatchObject({
      text: "请登记",
      forwardedText: "路灯坏了",
      viaDeputy: true,
      chat: { type: "group", id: "c1" },
    });
  });

  it("join the text parts of a mixed message", () => {
    const m = normalizeBotMessage(
      {
        msgid: "m2",
        chattype: "single",
        from: { userid: "u" },
        msgtype: "mixed",
        mixed: {
          msg_item: [
            { msgtype: "text", text: { content: "看这里" } },
            { msgtype: "image", image: { url: "x" } },
            { msgtype: "text", text: { content: "井盖坏了" } },
          ],
        },
      },
      now,
    );
    expect(m).toMatchObject({
      text: "看这里\n井盖坏了",
      chat: { type: "single", id: null },
      replyRoute: { kind: "none" },
    });
  });

  it("ignore stream refreshes", () => {
    expect(
      normalizeBotMessage(
        { msgid: "m3", chattype: "group", chatid: "c", from: { userid: "u" }, msgtype: "stream", stream: { id: "s" } },
        now,
      ),
    ).toBeNull();
  });

  it("turn an image into a message without words that names its attachment", () => {
    expect(
      normalizeBotMessage(
        { msgid: "m4", chattype: "group", chatid: "c", from: { userid: "u" }, msgtype: "image", image: { url: "x" } },
        now,
      ),
    ).toMatchObject({ text: "", attachment: "image", platformMessageId: "m4" });
  });
});
