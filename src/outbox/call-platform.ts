// One HTTP call to a platform API, with errcode checking against the calling channel's table. Returns
// the parsed JSON body. The timeout comes with the fetch every sender is given (withTimeout below).
import { DeliveryError, fetchFailure, NetworkFailure, PlatformRejected } from "./delivery-error.ts";
import { errcodeMeaning, type ErrcodeTable } from "./errcode-meaning.ts";

export type FetchLike = typeof fetch;

/** A fetch that abandons every call after `ms` (the outcome is then unknown: see retry-policy.ts). */
export function withTimeout(fetchImpl: FetchLike, ms: number): FetchLike {
  return (input, init) => fetchImpl(input, { ...init, signal: AbortSignal.timeout(ms) });
}

export async function callPlatform(
  url: string,
  init: { method: "GET" | "POST"; body?: unknown; headers?: Record<string, string> },
  fetchImpl: FetchLike,
  errcodes: ErrcodeTable,
): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: init.method,
      headers: {
        ...(init.body !== undefined ? { "content-type": "application/json; charset=utf-8" } : {}),
        ...init.headers,
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch (err) {
    throw fetchFailure(err);
  }
  const text = await res.text().catch(() => "");
  if (res.status >= 500) throw new NetworkFailure(`HTTP ${res.status}`);
  if (res.status === 429) throw new DeliveryError(`HTTP 429: ${text.slice(0, 200)}`, false, 60_000);
  if (res.status >= 400) throw new DeliveryError(`HTTP ${res.status}: ${text.slice(0, 200)}`, true);
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new NetworkFailure(`HTTP ${res.status} with a body that is not JSON`);
  }
  const errcode = Number(json.errcode ?? 0);
  if (errcode !== 0) {
    const meaning = errcodeMeaning(errcodes, errcode);
    throw new PlatformRejected(
      errcode,
      `${String(json.errmsg ?? "")} (${meaning.hint})`,
      meaning.permanent,
      meaning.throttleMs,
    );
  }
  return json;
}
