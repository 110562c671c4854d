// Why a send failed, in the two kinds that need different handling (as grammY separates them):
// the platform answered and said no (an errcode; both platforms use HTTP 200 for that), or we never
// got a usable answer (network, timeout, 5xx). `permanent` tells the outbox to park instead of retrying.

export class DeliveryError extends Error {
  override name = "DeliveryError";
  constructor(
    message: string,
    readonly permanent: boolean,
    /** Set when the platform is rate-limiting the destination: send nothing to it for this long. */
    readonly throttleMs?: number,
  ) {
    super(message);
  }
}

/** The platform answered with a non-zero errcode. */
export class PlatformRejected extends DeliveryError {
  override name = "PlatformRejected";
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    permanent: boolean,
    throttleMs?: number,
  ) {
    super(`errcode ${errcode}: ${errmsg}`, permanent, throttleMs);
  }
}

/**
 * No usable answer: connection refused, timeout, HTTP 5xx, or a body that is not JSON. `uncertain`: the
 * request may have been delivered (we gave up waiting for the answer), so sending again may duplicate it.
 */
export class NetworkFailure extends DeliveryError {
  override name = "NetworkFailure";
  constructor(
    message: string,
    readonly uncertain = false,
  ) {
    super(message, false);
  }
}

/** A fetch error: a timeout (the request went out; the outcome is unknown) or a failure to connect. */
export function fetchFailure(err: unknown): NetworkFailure {
  const name = (err as { name?: string })?.name;
  const timedOut = name === "TimeoutError" || name === "AbortError";
  return new NetworkFailure(
    timedOut
      ? "no answer in time (the platform may still have delivered it)"
      : `request failed: ${(err as Error)?.message ?? err}`,
    timedOut,
  );
}
