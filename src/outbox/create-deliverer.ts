// Hands a message to the sender of its route's kind. The senders come from the channels (assembled by
// the composition root); the outbox knows none of the platforms' APIs.
import { DeliveryError } from "./delivery-error.ts";
import type { OutboundBody } from "./outbound-body.ts";
import { refuseReplyRoute } from "./reply-origins.ts";
import { NO_ROUTE, type ReplyRoute } from "./reply-route.ts";

/** What the outbox needs of one route kind's sender (src/channels/channel.ts: RouteSender). */
export interface Sender {
  send(route: ReplyRoute, body: OutboundBody): Promise<void>;
  rateLimited: boolean;
  platformDedupes?: boolean;
  /** The route goes through a connection another replica holds: this process leaves the message to it. */
  heldElsewhere?(route: ReplyRoute): boolean;
}

export interface Deliverer {
  deliver(route: ReplyRoute, body: OutboundBody): Promise<void>;
  /** The route posts as a group robot (20 a minute). */
  rateLimited(route: ReplyRoute): boolean;
  /** The platform drops repeats itself. */
  platformDedupes(route: ReplyRoute): boolean;
  /** Another replica holds the connection this route goes through. */
  heldElsewhere(route: ReplyRoute): boolean;
}

export function createDeliverer(opts: {
  senders: Readonly<Record<string, Sender>>;
  /** MINYI_REPLY_ORIGINS, checked again before each send (rows stored before a rule changed, say). */
  replyOrigins: readonly string[];
}): Deliverer {
  const senderOf = (route: ReplyRoute) => opts.senders[route.kind];
  return {
    async deliver(route, body) {
      if (route.kind === NO_ROUTE) throw new DeliveryError(`no reply route: ${String(route.why ?? "")}`, true);
      const refused = refuseReplyRoute(route, opts.replyOrigins);
      if (refused) throw new DeliveryError(refused, true);
      const sender = senderOf(route);
      if (!sender) throw new DeliveryError(`no sender for route kind "${route.kind}"`, true);
      await sender.send(route, body);
    },
    rateLimited: (route) => senderOf(route)?.rateLimited ?? false,
    platformDedupes: (route) => senderOf(route)?.platformDedupes ?? false,
    heldElsewhere: (route) => senderOf(route)?.heldElsewhere?.(route) ?? false,
  };
}
