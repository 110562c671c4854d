// What every platform route receives from the composition root.
import type { Intake } from "../inbox/intake.ts";
import type { InboundMessage } from "../inbox/inbound-message.ts";
import { RequestRejected } from "../http/request-rejected.ts";

export interface RouteDeps {
  intake: Intake;
  now: () => Date;
}

/** Refuses group messages from groups nobody registered; then stores the message (idempotently). */
export async function admit(deps: RouteDeps, message: InboundMessage): Promise<"stored" | "duplicate"> {
  if (message.chat.type === "group") {
    const id = message.chat.id;
    if (id === null || !(await deps.intake.isKnownGroup(message.platform, id))) {
      throw new RequestRejected("unknown_group", `group ${id ?? "(none)"} is not registered for ${message.platform}`);
    }
  }
  return deps.intake.accept(message);
}

/** Runs a normalizer and turns a shape error into a 400. */
export function normalizeOr400<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const detail = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new RequestRejected("malformed_body", `${what} does not have the documented shape: ${detail}`);
  }
}
