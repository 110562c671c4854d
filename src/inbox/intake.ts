// What a platform route may do with a verified message: ask whether its group is served, and store it.
// This is the whole of the work done before the HTTP answer (ack first, work later).
import type { InboundMessage } from "./inbound-message.ts";
import type { InsertOutcome } from "./inbox-writer.ts";

export type AcceptResult = InsertOutcome;

export interface Intake {
  /** True when the group is registered (and not disabled) for this platform. */
  isKnownGroup(platform: InboundMessage["platform"], platformGroupId: string): Promise<boolean>;
  /**
   * Durably stores the message once; a redelivery of the same platform message id is a no-op
   * ("duplicate"); a signature already used by another message is refused ("replayed").
   */
  accept(message: InboundMessage, signature?: string): Promise<AcceptResult>;
}
