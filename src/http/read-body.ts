// Reads the raw request body with a hard cap, so an oversized or slow body never reaches a parser.
import getRawBody from "raw-body";
import type { Context } from "koa";
import { RequestRejected } from "./request-rejected.ts";

/** 1 MiB: WeCom and DingTalk text callbacks are a few KiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(ctx: Context, limit = MAX_BODY_BYTES): Promise<string> {
  try {
    return await getRawBody(ctx.req, { limit, length: ctx.get("content-length") || undefined, encoding: "utf8" });
  } catch (err) {
    const type = (err as { type?: string }).type;
    if (type === "entity.too.large") throw new RequestRejected("body_too_large", `body exceeds ${limit} bytes`);
    throw new RequestRejected("malformed_body", `could not read body (${type ?? "unknown error"})`);
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
