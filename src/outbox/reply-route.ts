// Where a message goes: `{ kind, …fields }`, stored as JSON in the outbox. To the outbox and everything
// above it a route is opaque data that a callback carried (a response_url, a sessionWebhook) or a group was
// configured with (a push robot); the channel that owns the kind (src/channels/<platform>) validates it
// with its own schema and knows how to post to it. Conventions every channel keeps: a route that posts
// to a URL names it `url`; a route that expires says when in `expiresAt` (ISO 8601).
import { z } from "zod";

export const ReplyRouteSchema = z.object({ kind: z.string().min(1).max(64) }).catchall(z.unknown());

export type ReplyRoute = z.infer<typeof ReplyRouteSchema>;

/** Nowhere to answer (a callback without a reply handle, a group without a robot): parked with `why`. */
export const NO_ROUTE = "none";

export function noRoute(why: string): ReplyRoute {
  return { kind: NO_ROUTE, why };
}

/** A kind of route that reaches people one to one (a channel's directRoutes), usable as a staff route. */
export interface DirectRouteKind {
  schema: z.ZodType;
  /** The route with `userIds` as its recipients when the groups file names none. */
  addressed(route: ReplyRoute, userIds: readonly string[]): ReplyRoute;
}
