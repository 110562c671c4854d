// The deputies' duty ledger (履职积分) on the desk and in the API:
//   GET    /api/v1/deputies/points?period=2026-12|2026-Q4|2026   every deputy's points with their breakdown,
//                                                                rank, and months without a relayed opinion
//   GET    /api/v1/deputies/points.svg?period=…                  the totals as an SVG bar chart
//   GET    /api/v1/deputies/activities?period=…                  the activities staff logged
//   POST   /api/v1/deputies/activities   {deputyId, kind, date, note?, evidence?}: log one (admins, staff)
//   DELETE /api/v1/deputies/activities/:id                       void one (kept, with who voided it)
//   GET    /api/v1/deputies/:deputyId/file.xlsx|.docx?period=2026  the deputy's duty file (履职档案)
import type Router from "@koa/router";
import type { Context } from "koa";
import { z } from "zod";
import type { BusinessCalendar } from "../../infra/business-calendar.ts";
import type { Logger } from "../../infra/create-logger.ts";
import { parseJsonObject, readBody } from "../../infra/read-body.ts";
import { RequestRejected } from "../../infra/request-rejected.ts";
import { parseLedgerPeriod, type LedgerPeriod } from "../../ledger/ledger-period.ts";
import { pointsLedger } from "../../ledger/points-ledger.ts";
import { AUTOMATIC_KINDS, type PointsRules } from "../../ledger/points-rules.ts";
import { recordDeskAudit } from "../desk-audit.ts";
import { svgBarChart } from "./svg-bar-chart.ts";
import { dutyFile } from "../../ledger/duty-file.ts";
import { dutyFileDocx, dutyFileXlsx } from "./duty-file-export.ts";
import { XLSX_TYPE } from "./xlsx.ts";
import { rowId } from "../stuck-messages.ts";
import { parseOrRefuse } from "./chinese-issues.ts";
import { authenticate, checkCsrf, requireRole, requireScope, type AuthDeps } from "./principal.ts";

export interface LedgerApiDeps extends AuthDeps {
  log: Logger;
  pointsRules: PointsRules;
  /** For the missed duty days derived from the rosters. */
  calendar: BusinessCalendar;
}

const Activity = z.object({
  deputyId: z.string().min(1),
  kind: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().max(2000).optional(),
  evidence: z.string().max(500).optional(),
});

function period(ctx: Context): LedgerPeriod {
  const p = parseLedgerPeriod(String(ctx.query.period ?? ""));
  if (!p) throw new RequestRejected("missing_parameter", "period is a month 2026-12, a quarter 2026-Q4 or a year 2026");
  return p;
}

export function mountLedgerApi(router: Router, deps: LedgerApiDeps): void {
  const { db } = deps;
  // Read at each request: admins may change the rules on the desk while the service runs.
  const loggable = () =>
    Object.keys(deps.pointsRules.kinds).filter((k) => !(AUTOMATIC_KINDS as readonly string[]).includes(k));

  router.get("/api/v1/deputies/points", async (ctx) => {
    requireScope(await authenticate(ctx, deps), "figures:read");
    const p = period(ctx);
    ctx.body = { period: p.label, deputies: await pointsLedger(db, deps.pointsRules, p, deps.now(), deps.calendar) };
  });

  router.get("/api/v1/deputies/points.svg", async (ctx) => {
    requireScope(await authenticate(ctx, deps), "figures:read");
    const lines = await pointsLedger(db, deps.pointsRules, period(ctx), deps.now(), deps.calendar);
    ctx.type = "image/svg+xml";
    ctx.set("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
    ctx.body = svgBarChart(
      "代表履职积分",
      lines.map((l) => l.name),
      [{ name: "积分", values: lines.map((l) => l.total), color: "#b3261e" }],
    );
  });

  for (const ext of ["xlsx", "docx"] as const)
    router.get(`/api/v1/deputies/:deputyId/file.${ext}`, async (ctx) => {
      requireScope(await authenticate(ctx, deps), "figures:read");
      const p = period(ctx);
      const file = await dutyFile(db, deps.pointsRules, ctx.params.deputyId ?? "", p, deps.now(), deps.calendar);
      if (!file) throw new RequestRejected("not_found", `no deputy ${String(ctx.params.deputyId).slice(0, 60)}`);
      ctx.set(
        "content-disposition",
        `attachment; filename*=UTF-8''${encodeURIComponent(`${file.name}履职档案${p.label}.${ext}`)}`,
      );
      ctx.type = ext === "xlsx" ? XLSX_TYPE : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      ctx.body = ext === "xlsx" ? await dutyFileXlsx(file) : await dutyFileDocx(file);
    });

  router.get("/api/v1/deputies/activities", async (ctx) => {
    requireScope(await authenticate(ctx, deps), "figures:read");
    const p = period(ctx);
    ctx.body = {
      kinds: Object.fromEntries(loggable().map((k) => [k, deps.pointsRules.kinds[k]!.label])),
      items: await db.dutyActivity.findMany({
        where: { date: { gte: p.firstDay, lte: p.lastDay } },
        orderBy: [{ date: "desc" }, { id: "desc" }],
      }),
    };
  });

  router.post("/api/v1/deputies/activities", async (ctx) => {
    const who = await authenticate(ctx, deps);
    requireRole(who, ["admin", "staff"]);
    checkCsrf(ctx, who);
    const a = parseOrRefuse(Activity, parseJsonObject(await readBody(ctx, 16 * 1024), "body"), "履职登记");
    if (!loggable().includes(a.kind))
      throw new RequestRejected(
        "malformed_body",
        `履职登记有误：类别只能是 ${loggable()
          .map((k) => `${k}（${deps.pointsRules.kinds[k]!.label}）`)
          .join("、")}；到场、转达、认领、办结由系统自动记录`,
      );
    const deputy = await db.member.findFirst({
      where: { platformUserId: a.deputyId, role: "deputy" },
      select: { name: true },
    });
    if (!deputy) throw new RequestRejected("malformed_body", `履职登记有误：${a.deputyId} 不是任何群的代表`);
    const row = await db.dutyActivity.create({
      data: { ...a, deputyName: deputy.name, loggedBy: who.username, loggedAt: deps.now() },
    });
    await recordDeskAudit(
      db,
      deps.log,
      {
        actor: who.username,
        action: "duty.log",
        target: `duty:${row.id}`,
        detail: `${deputy.name} ${a.kind} ${a.date}`,
      },
      deps.now(),
    );
    ctx.status = 201;
    ctx.body = row;
  });

  router.delete("/api/v1/deputies/activities/:id", async (ctx) => {
    const who = await authenticate(ctx, deps);
    requireRole(who, ["admin", "staff"]);
    checkCsrf(ctx, who);
    const id = rowId(ctx.params.id);
    const { count } = await db.dutyActivity.updateMany({
      where: { id, voidedAt: null },
      data: { voidedAt: deps.now(), voidedBy: who.username },
    });
    if (count === 0) throw new RequestRejected("not_found", `no live activity ${id}`);
    await recordDeskAudit(db, deps.log, { actor: who.username, action: "duty.void", target: `duty:${id}` }, deps.now());
    ctx.status = 204;
  });
}
