// WeCom callback crypto (WXBizMsgCrypt, doc 91144), strict.
// @wecom/crypto computes signatures and encrypts correctly, but its decrypt accepts wrong keys, bad
// padding and impossible lengths silently. Decryption is therefore ours:
// strict PKCS#7 over 32-byte blocks, a length bound, valid UTF-8, and a receiveid check.
import { createDecipheriv, timingSafeEqual } from "node:crypto";
import { encrypt as libEncrypt, getSignature } from "@wecom/crypto";

export type WecomCryptoFailure = "invalid_signature" | "bad_ciphertext" | "receiveid_mismatch";

export class WecomCryptoError extends Error {
  override name = "WecomCryptoError";
  constructor(
    readonly code: WecomCryptoFailure,
    message: string,
  ) {
    super(message);
  }
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** sha1 over the lexicographically sorted [token, timestamp, nonce, encrypt], hex. */
export function computeSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return getSignature(token, timestamp, nonce, encrypted);
}

/** Constant-time check of `msg_signature`. */
export function verifySignature(
  token: string,
  timestamp: string,
  nonce: string,
  encrypted: string,
  signature: string,
): boolean {
  const expected = Buffer.from(computeSignature(token, timestamp, nonce, encrypted), "utf8");
  const given = Buffer.from(signature, "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** AESKey = base64(EncodingAESKey + "="), 32 bytes; IV = its first 16 bytes. */
function aesKey(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, "base64");
  if (key.length !== 32) throw new Error("EncodingAESKey must decode to 32 bytes");
  return key;
}

/**
 * Decrypts `msg_encrypt` and returns the UTF-8 message. Throws WecomCryptoError("bad_ciphertext")
 * for anything malformed and ("receiveid_mismatch") when the trailing id is not `expectedReceiveId`
 * (the CorpID for a self-built app, "" for the AI bot).
 */
export function decryptMessage(encodingAesKey: string, encrypted: string, expectedReceiveId: string): string {
  const bad = (why: string) => new WecomCryptoError("bad_ciphertext", why);
  if (!BASE64.test(encrypted) || encrypted.length % 4 !== 0) throw bad("ciphertext is not base64");
  const cipherBytes = Buffer.from(encrypted, "base64");
  if (cipherBytes.length < 32 || cipherBytes.length % 16 !== 0) throw bad("ciphertext length is not whole AES blocks");

  const key = aesKey(encodingAesKey);
  const decipher = createDecipheriv("aes-256-cbc", key, key.subarray(0, 16));
  decipher.setAutoPadding(false); // WeCom pads to 32 bytes; Node's PKCS#7 check assumes 16.
  const plain = Buffer.concat([decipher.update(cipherBytes), decipher.final()]);

  const pad = plain[plain.length - 1]!;
  if (pad < 1 || pad > 32 || pad > plain.length) throw bad("invalid padding");
  for (let i = plain.length - pad; i < plain.length; i++) if (plain[i] !== pad) throw bad("invalid padding");
  const content = plain.subarray(0, plain.length - pad);

  if (content.length < 20) throw bad("plaintext too short");
  const msgLen = content.readUInt32BE(16);
  if (20 + msgLen > content.length) throw bad("message length exceeds plaintext");
  let message: string;
  let receiveId: string;
  try {
    message = utf8.decode(content.subarray(20, 20 + msgLen));
    receiveId = utf8.decode(content.subarray(20 + msgLen));
  } catch {
    throw bad("plaintext is not UTF-8");
  }
  if (receiveId !== expectedReceiveId) throw new WecomCryptoError("receiveid_mismatch", "receiveid does not match");
  return message;
}

/** Encrypts a message for a passive reply (or a test fixture). `random` is 16 bytes; fixed only in tests. */
export function encryptMessage(encodingAesKey: string, message: string, receiveId: string, random?: Buffer): string {
  aesKey(encodingAesKey);
  return libEncrypt(encodingAesKey, message, receiveId, random);
}
