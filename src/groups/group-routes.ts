// Where a group's own posts go. Proactive posts for everyone (reception notices, digests) go to its push
// robot, which may be the residents' group. Posts for its deputies and staff (overdue nudges, danger alerts)
// go to its staff route only, never to the residents' group: an internal group's robot or one-to-one
// messages. A group without the route it needs gets a route that parks the message with the reason,
// visible to admins.
import { noRoute, ReplyRouteSchema, type ReplyRoute } from "../outbox/reply-route.ts";

/** Why a post cannot go, for the admin reading a parked message (kept here, beside the routes it explains). */
export const NO_GROUP_FOR_PUSH = "工单不属于任何群，无法主动推送";
export const NO_PUSH_ROBOT = "该群未配置推送机器人（groups 文件中的 push）";
export const NO_STAFF_ROUTE = "该群未配置代表和工作人员的通道（groups 文件中的 staff），催办和紧急提醒不发到居民群";

/** A stored route, or one that parks the message saying why there is none. */
function storedRoute(group: object | null, json: string | null | undefined, missing: string): ReplyRoute {
  if (!group) return noRoute(NO_GROUP_FOR_PUSH);
  if (!json) return noRoute(missing);
  return ReplyRouteSchema.parse(JSON.parse(json));
}

export function pushRouteOf(group: { pushRoute: string | null } | null): ReplyRoute {
  return storedRoute(group, group?.pushRoute, NO_PUSH_ROBOT);
}

/** The rate-limit key of a group's push robot. */
export function pushDestinationOf(groupId: number | null): string {
  return `push:group:${groupId ?? "none"}`;
}

export function staffRouteOf(group: { staffRoute: string | null } | null): ReplyRoute {
  return storedRoute(group, group?.staffRoute, NO_STAFF_ROUTE);
}

/** The rate-limit key of a group's staff route. */
export function staffDestinationOf(groupId: number | null): string {
  return `staff:group:${groupId ?? "none"}`;
}
