// Sends a ticket event to a webhook subscriber: POST of the JSON payload with
//   X-Minyi-Event: ticket.closed
//   X-Minyi-Timestamp: <unix seconds>
//   X-Minyi-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the subscription's secret>
// The subscriber checks the signature and refuses a timestamp far from its clock (a replayed request). The
// URL and secret are read at send time (a removed subscription parks its messages; a new secret applies at
// once), so neither is ever stored in the outbox. 2xx: delivered; 408, 429 and 5xx: retried; other 4xx: parked.
import { createHmac } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../infra/db/create-database.ts";
import type { FetchLike } from "../../outbox/call-platform.ts";
import { DeliveryError, fetchFailure, NetworkFailure } from "../../outbox/delivery-error.ts";
import type { Sender } from "../../outbox/create-deliverer.ts";

const WebhookRoute = z.object({ kind: z.literal("webhook"), subscriptionId: z.number().int() });

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function createWebhookSender(db: Db, fetchImpl: FetchLike, now: () => Date): Sender {
  return {
    rateLimited: false,
    async send(route, body) {
      const parsed = WebhookRoute.safeParse(route);
      if (!parsed.success) throw new DeliveryError("webhook route without its subscription", true);
      const s = await db.webhookSubscription.findUnique({ where: { id: parsed.data.subscriptionId } });
      if (!s || s.disabledAt) throw new DeliveryError("the webhook subscription was removed", true);
      const timestamp = Math.floor(now().getTime() / 1000);
      const payload = body.markdown;
      let res: Response;
      try {
        res = await fetchImpl(s.url, {
          method: "POST",
          headers: {
            "content-type": "application/json; charset=utf-8",
            "x-minyi-event": body.title,
            "x-minyi-timestamp": String(timestamp),
            "x-minyi-signature": signWebhook(s.secret, timestamp, payload),
          },
          body: payload,
        });
      } catch (err) {
        throw fetchFailure(err);
      }
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return;
      if (res.status >= 500 || res.status === 408) throw new NetworkFailure(`webhook answered HTTP ${res.status}`);
      if (res.status === 429) throw new DeliveryError("webhook answered HTTP 429", false, 60_000);
      throw new DeliveryError(`webhook answered HTTP ${res.status}`, true);
    },
  };
}
