// Figures on the desk and in the API, for a period of Shanghai days (default: this month so far):
//   GET /api/v1/figures?from&to&group            JSON: 办结率, 解决率, 满意率, overdue, weekly new/closed,
//                                                 categories, hotspots by community, handlers
//   GET /api/v1/figures/weekly.svg?…             new vs. closed per week, as an SVG bar chart
//   GET /api/v1/figures/categories.svg?…         tickets by first-level category
//   GET /api/v1/figures.csv?…                    the figures as CSV (UTF-8 with BOM) for the monthly 通报
//   GET /api/v1/figures.xlsx?…                   the same as an Excel workbook, a sheet per table
import type Router from "@koa/router";
import type { Context } from "koa";
import { RequestRejected } from "../../infra/request-rejected.ts";
import { addDays, shanghaiDate, shanghaiInstant } from "../../infra/shanghai-time.ts";
import { authenticate, requireScope, type AuthDeps } from "./principal.ts";
import { CSV_BOM, csvLine } from "./csv.ts";
import { deskFigures, type DeskFigures } from "./desk-figures.ts";
import { svgBarChart } from "./svg-bar-chart.ts";
import { XLSX_TYPE, xlsxWorkbook } from "./xlsx.ts";
import { visibleGroupIds } from "./ticket-filters.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const percent = (r: number | null) => (r === null ? "—" : `${(Math.round(r * 1000) / 10).toString()}%`);

export interface FiguresApiDeps extends AuthDeps {
  dbKind: "sqlite" | "postgres";
}

export function mountFiguresApi(router: Router, deps: FiguresApiDeps): void {
  async function figuresFor(ctx: Context): Promise<{ from: string; to: string; figures: DeskFigures }> {
    const who = await authenticate(ctx, deps);
    requireScope(who, "figures:read");
    const today = shanghaiDate(deps.now());
    const from = typeof ctx.query.from === "string" && ctx.query.from ? ctx.query.from : `${today.slice(0, 8)}01`;
    const to = typeof ctx.query.to === "string" && ctx.query.to ? ctx.query.to : today;
    if (!DATE.test(from) || !DATE.test(to) || from > to)
      throw new RequestRejected("missing_parameter", "from and to are dates YYYY-MM-DD, from ≤ to");
    let groupIds = await visibleGroupIds(deps.db, who);
    if (typeof ctx.query.group === "string" && ctx.query.group) {
      const id = Number(ctx.query.group);
      if (!Number.isInteger(id)) throw new RequestRejected("missing_parameter", "group must be a group id");
      groupIds = groupIds === null || groupIds.includes(id) ? [id] : [];
    }
    const figures = await deskFigures(
      deps.db,
      deps.dbKind,
      { groupIds, from: shanghaiInstant(from), to: shanghaiInstant(addDays(to, 1)) },
      deps.now(),
    );
    return { from, to, figures };
  }

  router.get("/api/v1/figures", async (ctx) => {
    ctx.body = await figuresFor(ctx);
  });

  const svg = (ctx: Context, body: string) => {
    ctx.type = "image/svg+xml";
    ctx.set("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
    ctx.body = body;
  };
  router.get("/api/v1/figures/weekly.svg", async (ctx) => {
    const { figures } = await figuresFor(ctx);
    svg(
      ctx,
      svgBarChart(
        "每周新收与办结",
        figures.weekly.map((w) => `${w.week.slice(5)} 起`),
        [
          { name: "新收", values: figures.weekly.map((w) => w.received), color: "#0969da" },
          { name: "办结", values: figures.weekly.map((w) => w.closed), color: "#1a7f37" },
        ],
      ),
    );
  });
  router.get("/api/v1/figures/categories.svg", async (ctx) => {
    const { figures } = await figuresFor(ctx);
    svg(
      ctx,
      svgBarChart(
        "按类别",
        figures.categories.map((c) => c.level1),
        [{ name: "工单数", values: figures.categories.map((c) => c.count), color: "#b3261e" }],
      ),
    );
  });

  router.get("/api/v1/figures.xlsx", async (ctx) => {
    const { from, to, figures: f } = await figuresFor(ctx);
    ctx.body = await xlsxWorkbook([
      {
        name: "概况",
        header: ["项目", "数值"],
        rows: [
          ["统计期", `${from} 至 ${to}`],
          ["新收工单", f.received],
          ["已办结", f.closed],
          ["办结率", percent(f.closureRate)],
          ["解决率", percent(f.resolutionRate)],
          ["满意率", percent(f.satisfactionRate)],
          ["超期未答复", f.overdue],
        ],
      },
      { name: "每周", header: ["周（起）", "新收", "办结"], rows: f.weekly.map((w) => [w.week, w.received, w.closed]) },
      { name: "类别", header: ["类别", "工单数"], rows: f.categories.map((c) => [c.level1, c.count]) },
      { name: "热点社区", header: ["社区", "工单数"], rows: f.hotspots.map((h) => [h.community, h.count]) },
      {
        name: "办理人",
        header: ["办理人", "经办", "办结"],
        rows: f.handlers.map((h) => [h.handler, h.handled, h.closed]),
      },
    ]);
    ctx.set("content-disposition", `attachment; filename="figures-${from}-${to}.xlsx"`);
    ctx.type = XLSX_TYPE;
  });

  router.get("/api/v1/figures.csv", async (ctx) => {
    const { from, to, figures: f } = await figuresFor(ctx);
    const lines = [
      csvLine(["项目", "数值"]),
      csvLine(["统计期", `${from} 至 ${to}`]),
      csvLine(["新收工单", f.received]),
      csvLine(["已办结", f.closed]),
      csvLine(["办结率", percent(f.closureRate)]),
      csvLine(["解决率", percent(f.resolutionRate)]),
      csvLine(["满意率", percent(f.satisfactionRate)]),
      csvLine(["超期未答复", f.overdue]),
      csvLine([]),
      csvLine(["类别", "工单数"]),
      ...f.categories.map((c) => csvLine([c.level1, c.count])),
      csvLine([]),
      csvLine(["社区", "工单数"]),
      ...f.hotspots.map((h) => csvLine([h.community, h.count])),
      csvLine([]),
      csvLine(["办理人", "经办", "办结"]),
      ...f.handlers.map((h) => csvLine([h.handler, h.handled, h.closed])),
    ];
    ctx.set("content-disposition", `attachment; filename="figures-${from}-${to}.csv"`);
    ctx.type = "text/csv; charset=utf-8";
    ctx.body = CSV_BOM + lines.join("");
  });
}
