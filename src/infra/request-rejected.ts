// The one error type a request handler throws for input it refuses. The error middleware turns it into
// a 4xx with `{ error: code, message }`, logs one line, and stores nothing.

export type RejectCode =
  | "missing_parameter"
  | "stale_timestamp"
  | "invalid_signature"
  | "malformed_body"
  | "body_too_large"
  | "unsupported_media_type"
  | "receiveid_mismatch"
  | "unknown_group"
  | "forbidden_reply_url"
  | "replayed_signature"
  | "request_timeout"
  | "unauthorized"
  | "not_found"
  | "conflict"
  | "forbidden"
  | "csrf_failed"
  | "too_many_attempts"
  | "not_ready";

const STATUS: Record<RejectCode, number> = {
  missing_parameter: 400,
  stale_timestamp: 401,
  invalid_signature: 401,
  malformed_body: 400,
  body_too_large: 413,
  unsupported_media_type: 415,
  receiveid_mismatch: 400,
  unknown_group: 403,
  forbidden_reply_url: 400,
  replayed_signature: 401,
  request_timeout: 408,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  csrf_failed: 403,
  too_many_attempts: 429,
  not_ready: 503,
};

export class RequestRejected extends Error {
  override name = "RequestRejected";
  readonly status: number;
  constructor(
    readonly code: RejectCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}
