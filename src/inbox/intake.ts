// What a platform route may do with a verified message: ask whether its group is served, and store it.
// This is the whole of the work done before the HTTP answer (ack first, work later).
import type { InboundMessage } from "./inbound-message.ts";

export type AcceptResult = "stored" | "duplicate";

export interface Intake {
  /** True when the group is registered for this platform. */
  isKnownGroup(platform: InboundMessage["platform"], platformGroupId: string): Promise<boolean>;
  /** Durably stores the message once; a redelivery of the same platform message id is a no-op. */
  accept(message: InboundMessage): Promise<AcceptResult>;
}
