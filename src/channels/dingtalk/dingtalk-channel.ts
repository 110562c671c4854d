// DingTalk (钉钉): the enterprise robot's messages in, over the HTTP callback and, in Stream mode, over a long
// connection too; and four ways out: the callback's sessionWebhook, a group's custom robot (加签), the OpenAPI
// groupMessages/send, and the OpenAPI one-to-one oToMessages/batchSend (a staff route).
import { DeliveryError } from "../../outbox/delivery-error.ts";
import { routeOf, type Channel } from "../channel.ts";
import { mountDingtalkCallback } from "./mount-callback.ts";
import { normalizeDingtalkMessage } from "./normalize-message.ts";
import { DingtalkStreamConnection } from "./stream-connection.ts";
import { admit } from "../admit.ts";
import { DingtalkOpenApiSender } from "./send-openapi-group.ts";
import { sendDingtalkRobotWebhook } from "./send-robot-webhook.ts";
import { sendDingtalkSessionWebhook } from "./send-session-webhook.ts";
import { OpenApiGroupRoute, OpenApiUsersRoute, RobotWebhookRoute, SessionWebhookRoute } from "./dingtalk-routes.ts";

const unreadable = (why: string) => new DeliveryError(why, true);

export const dingtalkChannel: Channel = {
  platform: "dingtalk",

  mountInbound(router, deps) {
    if (!deps.config.dingtalk) return [];
    mountDingtalkCallback(router, deps.config.dingtalk.appSecret, deps);
    return ["dingtalk"];
  },

  connections(deps) {
    const dt = deps.config.dingtalk;
    if (!dt?.stream || !dt.appKey) return [];
    const connection = new DingtalkStreamConnection({
      clientId: dt.appKey,
      clientSecret: dt.appSecret,
      gatewayUrl: dt.stream.gatewayUrl,
      watchdogMs: dt.stream.watchdogMs,
      log: deps.log,
      onState: (up) => deps.onConnectionState("dingtalk-stream", dt.appKey!, up),
      // The same message as the HTTP callback's body, stored under the same (channel, msgId).
      store: async (json) => {
        const message = normalizeDingtalkMessage(json, deps.now());
        return message ? admit(deps, message) : "ignored";
      },
    });
    return [{ name: "dingtalk-stream", connection }];
  },

  senders({ config, now, fetch }) {
    const dt = config.dingtalk;
    const openApi = dt
      ? new DingtalkOpenApiSender({ baseUrl: dt.apiBaseUrl, appKey: dt.appKey, appSecret: dt.appSecret }, now, fetch)
      : undefined;
    const configured = (): DingtalkOpenApiSender => {
      if (openApi) return openApi;
      throw new DeliveryError("DINGTALK_APP_SECRET and DINGTALK_APP_KEY must be set to use the DingTalk OpenAPI", true);
    };
    return {
      "dingtalk-session-webhook": {
        rateLimited: true,
        send: (route, body) =>
          sendDingtalkSessionWebhook(routeOf(SessionWebhookRoute, route, unreadable), body, now(), fetch),
      },
      "dingtalk-robot-webhook": {
        rateLimited: true,
        send: (route, body) =>
          sendDingtalkRobotWebhook(routeOf(RobotWebhookRoute, route, unreadable), body, now(), fetch),
      },
      "dingtalk-openapi-group": {
        rateLimited: true,
        send: (route, body) => configured().sendToGroup(routeOf(OpenApiGroupRoute, route, unreadable), body),
      },
      "dingtalk-openapi-users": {
        rateLimited: false,
        send: (route, body) => configured().sendToUsers(routeOf(OpenApiUsersRoute, route, unreadable), body),
      },
    };
  },

  pushRoutes: { "dingtalk-robot-webhook": RobotWebhookRoute, "dingtalk-openapi-group": OpenApiGroupRoute },

  directRoutes: {
    "dingtalk-openapi-users": {
      schema: OpenApiUsersRoute.partial({ userIds: true }),
      addressed: (route, userIds) => (route.userIds ? route : { ...route, userIds: [...userIds].slice(0, 20) }),
    },
  },
};
