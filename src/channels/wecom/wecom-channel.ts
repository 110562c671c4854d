// WeCom (企业微信): the AI bot's callback (智能机器人) and the self-built app's callback (自建应用) in, and
// the AI bot's long connection when configured; and the ways out: the bot's one-use response_url, the app's
// message/send, the group's 消息推送 robot, and the long connection's replies and posts.
import { DeliveryError, NetworkFailure } from "../../outbox/delivery-error.ts";
import type { ReplyRoute } from "../../outbox/reply-route.ts";
import { admit } from "../admit.ts";
import type { LiveConnections } from "../live-connections.ts";
import { WecomLongConnection } from "./long-connection.ts";
import { normalizeBotMessage } from "./normalize-bot-message.ts";
import { routeOf, type Channel } from "../channel.ts";
import { mountAppCallback } from "./mount-app-callback.ts";
import { mountBotCallback } from "./mount-bot-callback.ts";
import { WecomAppSender } from "./send-app-message.ts";
import { sendWecomGroupWebhook } from "./send-group-webhook.ts";
import { sendWecomResponseUrl } from "./send-response-url.ts";
import {
  AppMessageRoute,
  GroupWebhookRoute,
  LongConnectionReplyRoute,
  LongConnectionSendRoute,
  ResponseUrlRoute,
} from "./wecom-routes.ts";

const unreadable = (why: string) => new DeliveryError(why, true);
const connectionName = (botId: string) => `wecom-bot:${botId}`;

/** The bot's connection in this process, if it runs one. */
function connectionOf(live: LiveConnections, route: ReplyRoute): WecomLongConnection | undefined {
  return live.get<WecomLongConnection>(connectionName(String(route.botId)));
}

/** Not this process's to send: it runs no connection for the bot, or another replica holds it. */
function heldElsewhere(live: LiveConnections, route: ReplyRoute): boolean {
  const connection = connectionOf(live, route);
  return !connection || connection.isHeldElsewhere;
}

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

  connections(deps) {
    const c = deps.config.wecomBotConnection;
    if (!c) return [];
    const connection = new WecomLongConnection({
      ...c,
      leaseMs: deps.config.connectionLeaseMs,
      db: deps.db,
      log: deps.log,
      onState: (up) => deps.onConnectionState("wecom-bot-ws", c.botId, up),
      // The same message as the callback's decrypted body, stored under the same ("wecom-bot", msgid) key.
      store: async (body, reqId) => {
        const message = normalizeBotMessage(body, deps.now(), { botId: c.botId, reqId });
        return message ? admit(deps, message) : "ignored";
      },
    });
    deps.live.register(connectionName(c.botId), connection);
    return [{ name: "wecom-bot-ws", connection }];
  },

  senders({ config, now, fetch, live }) {
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
      // Through the long connection when it is up here; else the message's response_url, if it had one;
      // else retried (the connection comes back, or another replica takes it over).
      "wecom-ws-reply": {
        rateLimited: false,
        heldElsewhere: (route) => heldElsewhere(live, route),
        send: async (route, body) => {
          const r = routeOf(LongConnectionReplyRoute, route, unreadable);
          const connection = connectionOf(live, route);
          if (connection?.isUp) return connection.reply(r.reqId, r.chatId, body);
          if (r.fallbackUrl) return sendWecomResponseUrl(r.fallbackUrl, body, fetch);
          throw new NetworkFailure("the WeCom long connection is not up, and the message carried no response_url");
        },
      },
      "wecom-ws-send": {
        rateLimited: true,
        heldElsewhere: (route) => heldElsewhere(live, route),
        send: async (route, body) => {
          const r = routeOf(LongConnectionSendRoute, route, unreadable);
          const connection = connectionOf(live, route);
          if (!connection?.isUp) throw new NetworkFailure("the WeCom long connection is not up");
          await connection.post(r.chatId, body);
        },
      },
    };
  },

  pushRoutes: { "wecom-group-webhook": GroupWebhookRoute, "wecom-ws-send": LongConnectionSendRoute },

  directRoutes: {
    "wecom-app-message": {
      schema: AppMessageRoute.partial({ toUser: true }),
      addressed: (route, userIds) => (route.toUser ? route : { ...route, toUser: userIds.join("|") }),
    },
  },
};
