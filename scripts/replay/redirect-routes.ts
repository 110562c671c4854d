// The replay runs a real groups file against a fake platform: every route a group names (its push robot,
// its staff route) is pointed at the fake, with the credentials the fake accepts, and labelled with the
// chat it stands for, so each post can be told apart by where it arrived.
import {
  DINGTALK_ROBOT_SECRET,
  DINGTALK_ROBOT_TOKEN,
  WECOM_STAFF_WEBHOOK_KEY,
  WECOM_WEBHOOK_KEY,
} from "../../support/fake-platform.ts";

type Route = Record<string, unknown> & { kind: string };
export type GroupEntry = Record<string, unknown> & { platformGroupId: string; push?: Route; staff?: Route };

/** `chat`: what the route reaches, as the replay prints it (a group id, or "staff:" + a group id). */
function redirect(route: Route, fakeUrl: string, chat: string, staff: boolean): Route {
  const to = encodeURIComponent(chat);
  switch (route.kind) {
    case "wecom-group-webhook":
      return {
        ...route,
        url: `${fakeUrl}/cgi-bin/webhook/send?key=${staff ? WECOM_STAFF_WEBHOOK_KEY : WECOM_WEBHOOK_KEY}&to=${to}`,
      };
    case "dingtalk-robot-webhook":
      return {
        ...route,
        url: `${fakeUrl}/robot/send?access_token=${DINGTALK_ROBOT_TOKEN}&to=${to}`,
        secret: DINGTALK_ROBOT_SECRET,
      };
    default:
      return route; // OpenAPI and app routes already go to the API base URL, which is the fake
  }
}

export function redirectGroups(groups: GroupEntry[], fakeUrl: string): GroupEntry[] {
  return groups.map((g) => ({
    ...g,
    ...(g.push ? { push: redirect(g.push, fakeUrl, g.platformGroupId, false) } : {}),
    ...(g.staff ? { staff: redirect(g.staff, fakeUrl, `staff:${g.platformGroupId}`, true) } : {}),
  }));
}
