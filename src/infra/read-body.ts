// Reads the raw request body with a hard cap, so an oversized body never reaches a parser, and decodes
// it as strict UTF-8: a body with invalid bytes is refused rather than stored with U+FFFD in it. (A slow
// body is cut off by the server's request timeout: src/infra/http-serve.ts.)
import getRawBody from "raw-body";
import type { Context } from "koa";
import { RequestRejected } from "./request-rejected.ts";

/** 1 MiB: WeCom and DingTalk text callbacks are a few KiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

export async function readBody(ctx: Context, limit = MAX_BODY_BYTES): Promise<string> {
  let raw: Buffer;
  try {
    raw = await getRawBody(ctx.req, { limit, length: ctx.get("content-length") || undefined });
  } catch (err) {
    const type = (err as { type?: string }).type;
    if (type === "entity.too.large") throw new RequestRejected("body_too_large", `body exceeds ${limit} bytes`);
    throw new RequestRejected("malformed_body", `could not read body (${type ?? "unknown error"})`);
  }
  try {
    return utf8.decode(raw);
  } catch {
    throw new RequestRejected("malformed_body", "body is not valid UTF-8");
  }
}

/** JSON.parse that refuses non-objects and reports a 400 instead of throwing a SyntaxError. */
export function parseJsonObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RequestRejected("malformed_body", `${what} is not valid JSON`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new RequestRejected("malformed_body", `${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}
