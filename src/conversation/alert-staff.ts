// An urgent matter (即时转办) is pushed at once to the deputies and staff of its group through the group's
// staff route (never the residents' group), in the same transaction as the ticket, so it is sent exactly
// when the ticket exists. Quiet hours do not hold it back: danger does not wait for the morning.
import type { Tx } from "../infra/db/create-database.ts";
import { staffDestinationOf, staffRouteOf } from "../groups/group-routes.ts";
import { enqueue } from "../outbox/enqueue.ts";
import { dangerAlert } from "../wording/danger-alert.ts";
import type { MessageContext } from "./message-context.ts";

export async function alertStaff(
  tx: Tx,
  ctx: MessageContext,
  ticket: { id: number; number: string; categoryL1: string; categoryL2: string },
  facts: { reason: string; places: string[] },
): Promise<void> {
  if (!ctx.group) return; // a one-to-one chat has no group, so no staff route: the reply still advises
  const group = await tx.group.findUnique({
    where: { id: ctx.group.id },
    select: { staffRoute: true, members: { select: { platformUserId: true } } },
  });
  await enqueue(
    tx,
    {
      dedupeKey: `alert:ticket:${ticket.id}`,
      route: staffRouteOf(group),
      destination: staffDestinationOf(ctx.group.id),
      ticketId: ticket.id,
      body: dangerAlert({
        ...ticket,
        ...facts,
        groupName: ctx.group.name,
        at: ctx.at,
        mention: (group?.members ?? []).map((m) => m.platformUserId),
      }),
    },
    ctx.at,
  );
}
