// Webhooks out: every audit-trail event of a ticket is queued, in the same transaction, as one outbox message
// per active subscription (route {kind: "webhook", subscriptionId}); the desk's webhook sender signs and POSTs
// it (src/desk/webhooks/send-webhook.ts). The payload is JSON carried as the outbox body's text, masked like
// every outbound text; a resident's id or name is never in it.
import type { Tx } from "../infra/db/create-database.ts";
import { enqueue } from "../outbox/enqueue.ts";

export const WEBHOOK_ROUTE = "webhook";

export interface TicketEventFacts {
  ticketId: number;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorRole: string;
  note: string | null;
  /** The event's unique source key: a subscription gets each event once. */
  sourceKey: string;
  at: Date;
}

export async function queueTicketWebhooks(tx: Tx, e: TicketEventFacts): Promise<void> {
  const subscriptions = await tx.webhookSubscription.findMany({ where: { disabledAt: null }, select: { id: true } });
  if (subscriptions.length === 0) return;
  const ticket = await tx.ticket.findUniqueOrThrow({
    where: { id: e.ticketId },
    select: { number: true, status: true, categoryL1: true, categoryL2: true, community: true, groupId: true },
  });
  const payload = JSON.stringify({
    event: `ticket.${e.kind}`,
    ticket: ticket.number,
    status: ticket.status,
    from: e.fromStatus,
    to: e.toStatus,
    level1: ticket.categoryL1,
    level2: ticket.categoryL2,
    community: ticket.community,
    groupId: ticket.groupId,
    actorRole: e.actorRole,
    note: e.note,
    at: e.at.toISOString(),
  });
  for (const s of subscriptions)
    await enqueue(
      tx,
      {
        dedupeKey: `webhook:${s.id}:${e.sourceKey}`,
        route: { kind: WEBHOOK_ROUTE, subscriptionId: s.id },
        destination: `webhook:${s.id}`,
        body: { title: `ticket.${e.kind}`, markdown: payload, mentionUserIds: [] },
        ticketId: e.ticketId,
      },
      e.at,
    );
}
