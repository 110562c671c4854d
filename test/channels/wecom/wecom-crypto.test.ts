import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decrypt as libDecrypt } from "@wecom/crypto";
import {
  computeSignature,
  decryptMessage,
  encryptMessage,
  verifySignature,
  WecomCryptoError,
} from "../../../src/channels/wecom/wecom-crypto.ts";

// Official vectors from the WeCom SDK samples (weworkapi_golang sample.go, key set "QDG6eK").
const TOKEN = "QDG6eK";
const KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
const CORP_ID = "wx5823bf96d3bd56c7";

const A = {
  signature: "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
  timestamp: "1409659589",
  nonce: "263014780",
  echostr: "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
  plain: "1616140317555161061",
};
const B = {
  signature: "477715d11cdb4164915debcba66cb864d751f3e6",
  timestamp: "1409659813",
  nonce: "1372623149",
  encrypt:
    "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==",
  plain:
    "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>",
};
const C = {
  signature: "0623cbc5a8cbee5bcc137c70de99575366fc2af3",
  timestamp: "1409659813",
  nonce: "1372623149",
  encrypt:
    "CZWs4CWRpI4VolQlvn4dlEC1alN2MUEY2VklGehgBVLBrlVF7SyT+SV+Toj43l4ayJ9UMGKphktKKmP7B2j/P1ey67XB8PBgS7Wr5/8+w/yWriZv3Vmoo/MH3/1HsIWZrPQ3N2mJrelStIfI2Y8kLKXA7EhfZgZX4o+ffdkZDM76SEl79Ib9mw7TGjZ9Aw/x/A2VjNbV1E8BtEbRxYYcQippYNw7hr8sFfa3nW1xLdxokt8QkRX83vK3DFP2F6TQFPL2Tu98UwhcUpPvdJBuu1/yiOQIScppV3eOuLWEsko=",
  plain:
    '{"ToUserName":"wx5823bf96d3bd56c7","FromUserName":"mycreate","CreateTime": 1409659813,"MsgType":"text","Content":"hello","MsgId":4561255354251345929,"AgentID": 218}',
};
const AIBOT = {
  signature: "29a38b24247ab95da0e251d87348dd8ca8707add",
  timestamp: "1700000000",
  nonce: "nonce123",
  encrypt:
    "sKqRbbiSUnDhFHOvPjtUMeOmBZfgwzgPRQmkrehqa2L8FCQfzb4OX0pcsGnH4xJiXCAmqCA5pHcDp+cBxsr1BvYcadeEu1p/XX8K01O+M0G02BxnZ+ZTQaN2vSNV+N2/YTE82IjBkwc7qRybPELBP2C2que4vFJrYlVhRfupIVHG9JN58ws5uJocdYJBtxURU3kCKtq7yICjmLzhisiOU6AGIgercl+z/ZShFG4hR/ycUca2trZAx3Uax936oVlt/JjMGC590rpq/T6VYA9EYockN89rgi2U6XkFgMqPWmMTn6DRfJ7XJJl2zxPgbdU5tvpGqJYbmlFCYSU4jy8tPJbzx3v+jQg5R87fFzJt44opKrFLAab3gxMBmbw1IaVT",
  plain:
    '{"msgid":"MSGID1","aibotid":"AIBOTID","chatid":"CHATID","chattype":"group","from":{"userid":"zhangsan"},"response_url":"https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=X","msgtype":"text","text":{"content":"@bot 你好"}}',
};

/** Encrypts arbitrary bytes under KEY with the official IV rule, bypassing our own encoder. */
function rawEncrypt(plain: Buffer): string {
  const key = Buffer.from(`${KEY}=`, "base64");
  const c = createCipheriv("aes-256-cbc", key, key.subarray(0, 16));
  c.setAutoPadding(false);
  return Buffer.concat([c.update(plain), c.final()]).toString("base64");
}

function layout(msg: string, receiveId: string): Buffer {
  const m = Buffer.from(msg);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(m.length);
  return Buffer.concat([randomBytes(16), len, m, Buffer.from(receiveId)]);
}

describe("WeCom callback crypto against the official vectors", () => {
  it("verifies the URL-check signature and decrypts echostr to the published plaintext (vector A)", () => {
    expect(verifySignature(TOKEN, A.timestamp, A.nonce, A.echostr, A.signature)).toBe(true);
    expect(decryptMessage(KEY, A.echostr, CORP_ID)).toBe(A.plain);
  });

  it("decrypts the XML message whose padding byte is 30, which proves 32-byte padding (vector B)", () => {
    expect(computeSignature(TOKEN, B.timestamp, B.nonce, B.encrypt)).toBe(B.signature);
    expect(decryptMessage(KEY, B.encrypt, CORP_ID)).toBe(B.plain);
  });

  it("decrypts the JSON variant of the app callback (vector C)", () => {
    expect(verifySignature(TOKEN, C.timestamp, C.nonce, C.encrypt, C.signature)).toBe(true);
    expect(decryptMessage(KEY, C.encrypt, CORP_ID)).toBe(C.plain);
  });

  it("decrypts the AI-bot fixture with the empty receiveid", () => {
    expect(verifySignature(TOKEN, AIBOT.timestamp, AIBOT.nonce, AIBOT.encrypt, AIBOT.signature)).toBe(true);
    expect(decryptMessage(KEY, AIBOT.encrypt, "")).toBe(AIBOT.plain);
  });

  it("re-encrypts vector B byte for byte when given the recovered random", () => {
    const random = Buffer.from(libDecrypt(KEY, B.encrypt).random);
    expect(encryptMessage(KEY, B.plain, CORP_ID, random)).toBe(B.encrypt);
  });
});

describe("WeCom callback crypto refuses what the library would accept", () => {
  it("rejects a signature that differs in one character", () => {
    const forged = `${A.signature.slice(0, -1)}${A.signature.endsWith("0") ? "1" : "0"}`;
    expect(verifySignature(TOKEN, A.timestamp, A.nonce, A.echostr, forged)).toBe(false);
    expect(verifySignature(TOKEN, A.timestamp, A.nonce, A.echostr, "short")).toBe(false);
  });

  it("rejects the right ciphertext under a wrong key, where @wecom/crypto returns garbage with an empty receiveid", () => {
    const wrongKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    for (const vector of [B, C, AIBOT]) {
      expect(() => decryptMessage(wrongKey, vector.encrypt, "")).toThrow(WecomCryptoError);
    }
  });

  it("rejects a receiveid that is not the expected one", () => {
    expect(() => decryptMessage(KEY, B.encrypt, "another-corp")).toThrow(/receiveid/);
    expect(() => decryptMessage(KEY, AIBOT.encrypt, CORP_ID)).toThrow(/receiveid/);
  });

  it("rejects padding bytes that are not all equal", () => {
    const body = layout("hello", CORP_ID);
    const pad = 32 - (body.length % 32);
    const padding = Buffer.alloc(pad, pad);
    padding[0] = pad === 1 ? 2 : pad - 1; // one wrong padding byte
    expect(() => decryptMessage(KEY, rawEncrypt(Buffer.concat([body, padding])), CORP_ID)).toThrow(/padding/);
  });

  it("rejects a padding value above 32", () => {
    const body = layout("hello", CORP_ID);
    const pad = 32 - (body.length % 32);
    const padded = Buffer.concat([body, Buffer.alloc(pad, 33)]);
    expect(() => decryptMessage(KEY, rawEncrypt(padded), CORP_ID)).toThrow(/padding/);
  });

  it("rejects a declared message length longer than the plaintext", () => {
    const body = layout("hello", CORP_ID);
    body.writeUInt32BE(10_000, 16);
    const pad = 32 - (body.length % 32);
    expect(() => decryptMessage(KEY, rawEncrypt(Buffer.concat([body, Buffer.alloc(pad, pad)])), CORP_ID)).toThrow(
      /length/,
    );
  });

  it("rejects text that is not base64 or not whole AES blocks, without an OpenSSL error escaping", () => {
    expect(() => decryptMessage(KEY, "not base64!!", CORP_ID)).toThrow(WecomCryptoError);
    expect(() => decryptMessage(KEY, Buffer.alloc(40).toString("base64"), CORP_ID)).toThrow(/blocks/);
  });
});
