// Moving a ticket, safely under concurrency: the UPDATE applies only if the ticket is still in one of
// the expected states (another command may have moved it since it was read), so two deputies acting at
// once cannot both win. The loser's transaction rolls back on ChangedMeanwhile.
import type { Tx } from "../infra/db/create-database.ts";

export class ChangedMeanwhile extends Error {
  override name = "ChangedMeanwhile";
}

export async function changeTicket(
  tx: Tx,
  ticketId: number,
  from: readonly string[],
  data: Record<string, unknown>,
): Promise<void> {
  const { count } = await tx.ticket.updateMany({ where: { id: ticketId, status: { in: [...from] } }, data });
  if (count === 0) throw new ChangedMeanwhile();
}
