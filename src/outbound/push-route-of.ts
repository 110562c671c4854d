// Where a group's proactive posts (nudges, reception notices, digests) go: its push robot. A group
// without one gets a route that parks the message with the reason, visible to admins.
import { PushRouteSchema, type ReplyRoute } from "./reply-route.ts";

export function pushRouteOf(group: { pushRoute: string | null } | null): ReplyRoute {
  if (!group) return { kind: "none", why: "工单不属于任何群，无法主动推送" };
  if (!group.pushRoute) return { kind: "none", why: "该群未配置推送机器人（groups 文件中的 push）" };
  return PushRouteSchema.parse(JSON.parse(group.pushRoute));
}

/** The rate-limit key of a group's push robot. */
export function pushDestinationOf(groupId: number | null): string {
  return `push:group:${groupId ?? "none"}`;
}
