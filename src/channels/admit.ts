// What every platform route receives from the composition root, and the checks every route makes
// before the one durable write: the message has the shape the worker expects (what is acknowledged can
// be processed), its reply URL is on a platform origin, its group is served.
import type { Intake } from "../inbox/intake.ts";
import { InboundMessageSchema, type InboundMessage } from "../inbox/inbound-message.ts";
import { RequestRejected } from "../infra/request-rejected.ts";
import { cutShort, refuseReplyRoute } from "../outbox/reply-origins.ts";
import { describeShapeError } from "./describe-shape-error.ts";

export interface RouteDeps {
  intake: Intake;
  now: () => Date;
  /** MINYI_REPLY_ORIGINS: where reply URLs carried by callbacks may point. */
  replyOrigins: readonly string[];
}

/**
 * Checks and stores one message (idempotently). `signature`: the request's signature when it does not
 * cover the body (DingTalk), so that a captured one cannot carry a second message.
 */
export async function admit(
  deps: RouteDeps,
  message: InboundMessage,
  signature?: string,
): Promise<"stored" | "duplicate"> {
  const shape = InboundMessageSchema.safeParse(message);
  if (!shape.success)
    throw new RequestRejected(
      "malformed_body",
      `message does not have the documented shape: ${describeShapeError(shape.error)}`,
    );
  const refused = refuseReplyRoute(message.replyRoute, deps.replyOrigins);
  if (refused) throw new RequestRejected("forbidden_reply_url", refused);
  if (message.chat.type === "group") {
    const id = message.chat.id;
    if (id === null || !(await deps.intake.isKnownGroup(message.platform, id))) {
      throw new RequestRejected(
        "unknown_group",
        `group ${id === null ? "(none)" : cutShort(id, 64)} is not registered for ${message.platform}`,
      );
    }
  }
  const outcome = await deps.intake.accept(message, signature);
  if (outcome === "replayed")
    throw new RequestRejected("replayed_signature", "this signature was already used by another message");
  return outcome;
}

/** Runs a normalizer and turns a shape error into a 400 that names the field. */
export function normalizeOr400<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new RequestRejected(
      "malformed_body",
      `${what} does not have the documented shape: ${describeShapeError(err)}`,
    );
  }
}
