// The desk's audit trail (DeskAudit): who changed what outside a ticket, and when. Written after the change
// it records, with a log line beside it; never a secret in it.
import type { Db } from "../infra/db/create-database.ts";
import type { Logger } from "../infra/create-logger.ts";

export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  detail?: string;
}

export async function recordDeskAudit(db: Db, log: Logger, e: AuditEntry, at: Date): Promise<void> {
  await db.deskAudit.create({
    data: { at, actor: e.actor, action: e.action, target: e.target, detail: e.detail ?? null },
  });
  log.info({ actor: e.actor, action: e.action, target: e.target }, "desk change");
}

export function recentDeskAudit(db: Db, take = 200) {
  return db.deskAudit.findMany({ orderBy: { id: "desc" }, take });
}
