// The steps every WeCom callback (AI bot and app, GET and POST) shares, in the order that matters:
// required parameters → timestamp freshness → signature (constant time) → strict decrypt → receiveid.
import { RequestRejected } from "../../infra/request-rejected.ts";
import type { WecomCryptoConfig } from "../../infra/load-config.ts";
import { decryptMessage, verifySignature, WecomCryptoError } from "./wecom-crypto.ts";

/** WeCom sends the current time; a signed request older (or newer) than this is refused as a replay. */
export const MAX_CLOCK_SKEW_SECONDS = 3600;

export interface SignedQuery {
  msg_signature: string;
  timestamp: string;
  nonce: string;
}

export function readSignedQuery(query: Record<string, unknown>): SignedQuery {
  const out: Record<string, string> = {};
  for (const key of ["msg_signature", "timestamp", "nonce"] as const) {
    const v = query[key];
    if (typeof v !== "string" || v === "")
      throw new RequestRejected("missing_parameter", `query parameter ${key} is required`);
    out[key] = v;
  }
  return out as unknown as SignedQuery;
}

export function openEnvelope(
  crypto: WecomCryptoConfig,
  receiveId: string,
  query: SignedQuery,
  encrypted: string,
  now: Date,
): string {
  const ts = Number(query.timestamp);
  if (!Number.isInteger(ts)) throw new RequestRejected("missing_parameter", "timestamp is not an integer");
  if (Math.abs(now.getTime() / 1000 - ts) > MAX_CLOCK_SKEW_SECONDS) {
    throw new RequestRejected(
      "stale_timestamp",
      `timestamp is more than ${MAX_CLOCK_SKEW_SECONDS}s away from server time`,
    );
  }
  if (!verifySignature(crypto.token, query.timestamp, query.nonce, encrypted, query.msg_signature)) {
    throw new RequestRejected("invalid_signature", "msg_signature does not match");
  }
  try {
    return decryptMessage(crypto.encodingAesKey, encrypted, receiveId);
  } catch (err) {
    if (err instanceof WecomCryptoError && err.code === "receiveid_mismatch") {
      throw new RequestRejected("receiveid_mismatch", "message was encrypted for another receiver");
    }
    throw new RequestRejected("malformed_body", `cannot decrypt: ${(err as Error).message}`);
  }
}
