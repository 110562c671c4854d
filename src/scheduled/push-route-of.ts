// Where a group's proactive posts (nudges, reception notices, digests) go: its push robot. A group
// without one gets a route that parks the message with the reason, visible to admins.
import { noRoute, ReplyRouteSchema, type ReplyRoute } from "../outbox/reply-route.ts";
import { NO_GROUP_FOR_PUSH, NO_PUSH_ROBOT } from "../wording/audit-notes.ts";

export function pushRouteOf(group: { pushRoute: string | null } | null): ReplyRoute {
  if (!group) return noRoute(NO_GROUP_FOR_PUSH);
  if (!group.pushRoute) return noRoute(NO_PUSH_ROBOT);
  return ReplyRouteSchema.parse(JSON.parse(group.pushRoute));
}

/** The rate-limit key of a group's push robot. */
export function pushDestinationOf(groupId: number | null): string {
  return `push:group:${groupId ?? "none"}`;
}
