// WeCom (企业微信): the AI bot's callback (智能机器人) and the self-built app's callback (自建应用) in,
// and three ways out: the bot's one-use response_url, the app's message/send, the group's 消息推送 robot.
import { DeliveryError } from "../../outbox/delivery-error.ts";
import { routeOf, type Channel } from "../channel.ts";
import { mountAppCallback } from "./mount-app-callback.ts";
import { mountBotCallback } from "./mount-bot-callback.ts";
import { WecomAppSender } from "./send-app-message.ts";
import { sendWecomGroupWebhook } from "./send-group-webhook.ts";
import { sendWecomResponseUrl } from "./send-response-url.ts";
import { AppMessageRoute, GroupWebhookRoute, ResponseUrlRoute } from "./wecom-routes.ts";

const unreadable = (why: string) => new DeliveryError(why, true);

export const wecomChannel: Channel = {
  platform: "wecom",

  mountInbound(router, deps) {
    const mounted: string[] = [];
    if (deps.config.wecomBot) {
      mountBotCallback(router, deps.config.wecomBot, deps);
      mounted.push("wecom-bot");
    }
    if (deps.config.wecomApp) {
      mountAppCallback(router, deps.config.wecomApp, deps);
      mounted.push("wecom-app");
    }
    return mounted;
  },

  senders({ config, now, fetch }) {
    const app = config.wecomApp
      ? new WecomAppSender(
          {
            baseUrl: config.wecomApiBaseUrl,
            corpId: config.wecomApp.corpId,
            secret: config.wecomApp.secret,
            agentId: config.wecomApp.agentId,
          },
          now,
          fetch,
        )
      : undefined;
    return {
      "wecom-response-url": {
        rateLimited: false,
        send: (route, body) => sendWecomResponseUrl(routeOf(ResponseUrlRoute, route, unreadable).url, body, fetch),
      },
      "wecom-app-message": {
        rateLimited: false,
        platformDedupes: true, // sent with enable_duplicate_check
        send: async (route, body) => {
          if (!app) throw new DeliveryError("the WeCom app is not configured", true);
          await app.send(routeOf(AppMessageRoute, route, unreadable).toUser, body);
        },
      },
      "wecom-group-webhook": {
        rateLimited: true,
        send: (route, body) => sendWecomGroupWebhook(routeOf(GroupWebhookRoute, route, unreadable).url, body, fetch),
      },
    };
  },

  pushRoutes: { "wecom-group-webhook": GroupWebhookRoute },

  directRoutes: {
    "wecom-app-message": {
      schema: AppMessageRoute.partial({ toUser: true }),
      addressed: (route, userIds) => (route.toUser ? route : { ...route, toUser: userIds.join("|") }),
    },
  },
};
