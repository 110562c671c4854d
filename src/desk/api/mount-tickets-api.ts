// Tickets on the desk and in the API:
//   GET  /api/v1/tickets?status&group&community&level1&level2&urgency&overdue&assignee&from&to&q&cursor&limit
//        newest first, keyset-paged (`nextCursor`), so a page costs the same at the millionth ticket
//   GET  /api/v1/tickets.csv?<the same filters>   the filtered list as CSV for Excel (at most EXPORT_MAX rows)
//   GET  /api/v1/tickets.xlsx?<the same filters>  the same as an Excel workbook
//   GET  /api/v1/tickets/:number                  the whole story: events, posts sent, residents and ratings
//   POST /api/v1/tickets/:number/actions          {action, note?, outcome?, category?, into?, to?}: the chat
//        command it stands for, run through the same code (src/desk/api/run-desk-action.ts)
//   GET  /api/v1/groups                           the groups one may see (for the filters)
import { Readable } from "node:stream";
import type Router from "@koa/router";
import type { Context } from "koa";
import { parseJsonObject, readBody } from "../../infra/read-body.ts";
import { RequestRejected } from "../../infra/request-rejected.ts";
import { authenticate, checkCsrf, requireScope, type AuthDeps, type Principal } from "./principal.ts";
import { CSV_BOM, csvLine } from "./csv.ts";
import { runDeskAction, type DeskActionDeps } from "./run-desk-action.ts";
import { readTicketFilters, ticketWhere, visibleGroupIds } from "./ticket-filters.ts";
import { searchTicketText } from "./search-ticket-text.ts";
import { LIST_SELECT, listItem, ticketStory } from "./ticket-views.ts";
import { TICKET_EXPORT_HEADER, ticketExportRows } from "./ticket-export.ts";
import { XLSX_TYPE, xlsxWorkbook } from "./xlsx.ts";

const PAGE_DEFAULT = 50;
const PAGE_MAX = 200;
const TICKET_NUMBER = /^\d{4}-\d{4,6}$/;

export type TicketsApiDeps = AuthDeps & DeskActionDeps & { dbKind: "sqlite" | "postgres" };

function pageParams(ctx: Context): { cursor: number | undefined; limit: number } {
  const cursor = ctx.query.cursor === undefined ? undefined : Number(ctx.query.cursor);
  if (cursor !== undefined && !(Number.isSafeInteger(cursor) && cursor > 0))
    throw new RequestRejected("missing_parameter", "cursor must be the nextCursor of the previous page");
  const limit = ctx.query.limit === undefined ? PAGE_DEFAULT : Number(ctx.query.limit);
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= PAGE_MAX))
    throw new RequestRejected("missing_parameter", `limit must be 1–${PAGE_MAX}`);
  return { cursor, limit };
}

function ticketNumber(ctx: Context): string {
  const number = String(ctx.params.number ?? "").replace(/^#/, "");
  if (!TICKET_NUMBER.test(number)) throw new RequestRejected("not_found", `no ticket ${number.slice(0, 20)}`);
  return number;
}

export function mountTicketsApi(router: Router, deps: TicketsApiDeps): void {
  const { db } = deps;

  /** A reader of tickets: signed in, or a token with tickets:read. */
  async function reader(ctx: Context): Promise<Principal> {
    const who = await authenticate(ctx, deps);
    requireScope(who, "tickets:read");
    return who;
  }

  /** `paged`: a list page, which may use the text index's window; exports read every match (LIKE). */
  async function filtered(ctx: Context, who: Principal, paged: { below: number | undefined } | null) {
    const groups = await visibleGroupIds(db, who);
    const filters = readTicketFilters(ctx);
    const text = filters.q && paged ? await searchTicketText(db, deps.dbKind, filters.q, paged.below) : null;
    return { where: ticketWhere(filters, groups, deps.now(), text?.ids), text };
  }

  router.get("/api/v1/tickets", async (ctx) => {
    const who = await reader(ctx);
    const { cursor, limit } = pageParams(ctx);
    const { where, text } = await filtered(ctx, who, { below: cursor });
    const rows = await db.ticket.findMany({
      where: cursor ? { AND: [where, { id: { lt: cursor } }] } : where,
      orderBy: { id: "desc" },
      take: limit + 1,
      select: LIST_SELECT,
    });
    const page = rows.slice(0, limit);
    const now = deps.now();
    // A full text-search window may hide older matches: continue below it even when this page is short.
    const nextCursor = rows.length > limit ? page[page.length - 1]!.id : text?.more ? Math.min(...text.ids) : null;
    ctx.body = { items: page.map((t) => listItem(t, who, now)), nextCursor };
  });

  router.get("/api/v1/tickets.csv", async (ctx) => {
    const who = await reader(ctx);
    const rows = ticketExportRows(db, (await filtered(ctx, who, null)).where, who, deps.now());
    async function* lines(): AsyncGenerator<string> {
      yield CSV_BOM + csvLine(TICKET_EXPORT_HEADER);
      for await (const row of rows) yield csvLine(row);
    }
    ctx.set("content-disposition", `attachment; filename="tickets.csv"`);
    ctx.type = "text/csv; charset=utf-8";
    ctx.body = Readable.from(lines());
  });

  router.get("/api/v1/tickets.xlsx", async (ctx) => {
    const who = await reader(ctx);
    const rows = ticketExportRows(db, (await filtered(ctx, who, null)).where, who, deps.now());
    ctx.body = await xlsxWorkbook([{ name: "工单", header: TICKET_EXPORT_HEADER, rows }]);
    ctx.set("content-disposition", `attachment; filename="tickets.xlsx"`);
    ctx.type = XLSX_TYPE;
  });

  router.get("/api/v1/tickets/:number", async (ctx) => {
    const who = await reader(ctx);
    const groups = await visibleGroupIds(db, who);
    const number = ticketNumber(ctx);
    const story = await ticketStory(db, number, who, groups, deps.now());
    if (!story) throw new RequestRejected("not_found", `no ticket ${number}`);
    ctx.body = story;
  });

  router.post("/api/v1/tickets/:number/actions", async (ctx) => {
    const who = await authenticate(ctx, deps);
    requireScope(who, "tickets:write");
    checkCsrf(ctx, who);
    const number = ticketNumber(ctx);
    const body = parseJsonObject(await readBody(ctx, 64 * 1024), "body");
    const groups = await visibleGroupIds(db, who);
    const ticket = await db.ticket.findUnique({
      where: { number },
      select: {
        number: true,
        groupId: true,
        group: { select: { id: true, platform: true, platformGroupId: true, pushRoute: true } },
      },
    });
    if (!ticket || (groups !== null && (ticket.groupId === null || !groups.includes(ticket.groupId))))
      throw new RequestRejected("not_found", `no ticket ${number}`);
    const result = await runDeskAction(
      deps,
      who,
      ticket,
      { ...body, action: String(body.action ?? "") },
      ctx.get("idempotency-key") || undefined,
    );
    ctx.status = result.applied || result.repeated ? 200 : 409;
    ctx.body = {
      applied: result.applied,
      repeated: result.repeated,
      message: result.answer?.markdown ?? null,
      ticket: await ticketStory(db, number, who, groups, deps.now()),
    };
  });

  router.get("/api/v1/groups", async (ctx) => {
    const who = await reader(ctx);
    const groups = await visibleGroupIds(db, who);
    ctx.body = {
      items: await db.group.findMany({
        where: { disabledAt: null, ...(groups !== null ? { id: { in: groups } } : {}) },
        select: { id: true, name: true, platform: true },
        orderBy: { id: "asc" },
      }),
    };
  });
}
