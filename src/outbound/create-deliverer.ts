// Picks the sender for a route. The only place that maps our routes onto platform send APIs.
import { DeliveryError } from "./delivery-error.ts";
import type { FetchLike } from "./post-json.ts";
import { refuseReplyRoute } from "./reply-origins.ts";
import type { OutboundBody, ReplyRoute } from "./reply-route.ts";
import { DingtalkOpenApiSender, type DingtalkAppCredentials } from "./senders/dingtalk-openapi-group.ts";
import { sendDingtalkRobotWebhook } from "./senders/dingtalk-robot-webhook.ts";
import { sendDingtalkSessionWebhook } from "./senders/dingtalk-session-webhook.ts";
import { WecomAppSender, type WecomAppCredentials } from "./senders/wecom-app-message.ts";
import { sendWecomGroupWebhook } from "./senders/wecom-group-webhook.ts";
import { sendWecomResponseUrl } from "./senders/wecom-response-url.ts";

export type Deliver = (route: ReplyRoute, body: OutboundBody) => Promise<void>;

export function createDeliverer(opts: {
  wecomApp: WecomAppCredentials | undefined;
  dingtalkApp: DingtalkAppCredentials | undefined;
  now: () => Date;
  fetchImpl?: FetchLike;
  /** Every call is abandoned after this long (the outcome is then unknown: see outbox/retry-policy.ts). */
  timeoutMs: number;
  /** MINYI_REPLY_ORIGINS, checked again before each send (rows stored before a rule changed, say). */
  replyOrigins: readonly string[];
}): Deliver {
  const base = opts.fetchImpl ?? fetch;
  const fetchImpl: FetchLike = (input, init) => base(input, { ...init, signal: AbortSignal.timeout(opts.timeoutMs) });
  opts = { ...opts, fetchImpl };
  const app = opts.wecomApp ? new WecomAppSender(opts.wecomApp, opts.now, opts.fetchImpl) : undefined;
  const dingtalkApp = opts.dingtalkApp ? new DingtalkOpenApiSender(opts.dingtalkApp, opts.now, opts.fetchImpl) : undefined;
  return async (route, body) => {
    const refused = refuseReplyRoute(route, opts.replyOrigins);
    if (refused) throw new DeliveryError(refused, true);
    switch (route.kind) {
      case "wecom-response-url":
        return sendWecomResponseUrl(route.url, body, opts.fetchImpl);
      case "dingtalk-session-webhook":
        return sendDingtalkSessionWebhook(route, body, opts.now(), opts.fetchImpl);
      case "wecom-app-message":
        if (!app) throw new DeliveryError("the WeCom app is not configured", true);
        return app.send(route.toUser, body);
      case "wecom-group-webhook":
        return sendWecomGroupWebhook(route.url, body, opts.fetchImpl);
      case "dingtalk-robot-webhook":
        return sendDingtalkRobotWebhook(route, body, opts.now(), opts.fetchImpl);
      case "dingtalk-openapi-group":
        if (!dingtalkApp) throw new DeliveryError("DINGTALK_APP_SECRET and DINGTALK_APP_KEY must be set to post through the DingTalk OpenAPI", true);
        return dingtalkApp.sendToGroup(route, body);
      case "none":
        throw new DeliveryError(`no reply route: ${route.why}`, true);
    }
  };
}
