// The ticket list's filters, read from the query string and turned into one database condition, the same
// for the page, the API and the CSV export. Unknown values are refused with a 400 that names the field, so
// a typo never silently widens a list. A deputy's list is limited to the groups they are a deputy of.
import type { Context } from "koa";
import type { Db } from "../../infra/db/create-database.ts";
import { RequestRejected } from "../../infra/request-rejected.ts";
import { shanghaiInstant, addDays } from "../../infra/shanghai-time.ts";
import { AWAITING_FEEDBACK, TICKET_STATUSES } from "../../tickets/ticket-status.ts";
import type { Principal } from "./principal.ts";

const URGENCIES = ["immediate", "priority", "normal"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface TicketFilters {
  status?: string[];
  groupId?: number;
  community?: string;
  level1?: string;
  level2?: string;
  urgency?: string;
  overdue?: boolean;
  assignee?: string;
  from?: string;
  to?: string;
  q?: string;
}

function one(ctx: Context, name: string): string | undefined {
  const v = ctx.query[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s === "" ? undefined : String(s).slice(0, 200);
}

export function readTicketFilters(ctx: Context): TicketFilters {
  const f: TicketFilters = {};
  const status = one(ctx, "status");
  if (status) {
    f.status = status.split(",");
    const wrong = f.status.find((s) => !(TICKET_STATUSES as readonly string[]).includes(s));
    if (wrong)
      throw new RequestRejected("missing_parameter", `status ${wrong} is not one of ${TICKET_STATUSES.join(", ")}`);
  }
  const group = one(ctx, "group");
  if (group) {
    if (!/^\d{1,9}$/.test(group)) throw new RequestRejected("missing_parameter", "group must be a group id");
    f.groupId = Number(group);
  }
  const urgency = one(ctx, "urgency");
  if (urgency) {
    if (!(URGENCIES as readonly string[]).includes(urgency))
      throw new RequestRejected("missing_parameter", `urgency must be one of ${URGENCIES.join(", ")}`);
    f.urgency = urgency;
  }
  for (const name of ["from", "to"] as const) {
    const d = one(ctx, name);
    if (d && !DATE.test(d)) throw new RequestRejected("missing_parameter", `${name} must be a date YYYY-MM-DD`);
    if (d) f[name] = d;
  }
  const overdue = one(ctx, "overdue");
  if (overdue) f.overdue = overdue === "true" || overdue === "1";
  for (const name of ["community", "level1", "level2", "assignee", "q"] as const) {
    const v = one(ctx, name);
    if (v) f[name] = v;
  }
  return f;
}

/** The groups a principal may see: all (null), or a deputy's own groups. */
export async function visibleGroupIds(db: Db, who: Principal): Promise<number[] | null> {
  if (who.role !== "deputy") return null;
  if (!who.platformUserId) return [];
  const rows = await db.member.findMany({
    where: { platformUserId: who.platformUserId, role: "deputy" },
    select: { groupId: true },
  });
  return rows.map((r) => r.groupId);
}

/**
 * The condition for the filters, within the groups the principal may see (dates are Shanghai days).
 * `textIds`: the ids an index found for the free text (src/desk/api/search-ticket-text.ts), used instead of LIKE.
 */
export function ticketWhere(f: TicketFilters, groups: number[] | null, now: Date, textIds?: number[] | null) {
  const and: object[] = [];
  if (groups !== null) and.push({ groupId: { in: groups } });
  if (f.status) and.push({ status: { in: f.status } });
  if (f.groupId !== undefined) and.push({ groupId: f.groupId });
  if (f.community) and.push({ community: f.community });
  if (f.level1) and.push({ categoryL1: f.level1 });
  if (f.level2) and.push({ categoryL2: f.level2 });
  // The stored value is "immediate" / "priority" / "normal", possibly followed by the deciding words.
  if (f.urgency) and.push({ urgency: { startsWith: f.urgency } });
  if (f.overdue) and.push({ status: { in: [...AWAITING_FEEDBACK] }, feedbackDueAt: { lt: now } });
  if (f.assignee) and.push({ OR: [{ assigneeId: f.assignee }, { assigneeName: f.assignee }] });
  if (f.from) and.push({ createdAt: { gte: shanghaiInstant(f.from) } });
  if (f.to) and.push({ createdAt: { lt: shanghaiInstant(addDays(f.to, 1)) } });
  if (f.q) {
    const number = f.q.replace(/^#/, "");
    // No text match: the number alone, so the database looks it up by its unique index instead of walking every
    // row to test an always-false "id IN ()" (measured: 0.35 s at a million tickets on SQLite).
    if (textIds && textIds.length === 0) and.push({ number });
    else
      and.push({
        OR: [
          { number },
          ...(textIds ? [{ id: { in: textIds } }] : [{ text: { contains: f.q } }, { place: { contains: f.q } }]),
        ],
      });
  }
  return and.length ? { AND: and } : {};
}
