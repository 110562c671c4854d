// Hotspots and the deputies' proposals drafted from them (代表建议) on the desk and in the API:
//   GET   /api/v1/hotspots?from=YYYY-MM-DD&to=YYYY-MM-DD[&group=&min=]   clusters with their evidence
//   POST  /api/v1/proposals {hotspot, from, to}     a draft from one hotspot (201; 404 when no such hotspot)
//   GET   /api/v1/proposals                         every proposal with the tracking figures (办结率, 满意率)
//   GET   /api/v1/proposals/:id                     one, with its sections and related tickets
//   PATCH /api/v1/proposals/:id                     edit the draft; track it: submitted to a handling unit,
//                                                   replied, the deputy's satisfaction
//   GET   /api/v1/proposals/:id.docx | .md          the document
// A deputy sees the hotspots that touch their own groups (evidence from every group, quotes masked) and edits the
// proposals they are named on.
import type Router from "@koa/router";
import type { Context } from "koa";
import { z } from "zod";
import { parseJsonObject, readBody } from "../../infra/read-body.ts";
import { RequestRejected } from "../../infra/request-rejected.ts";
import { shanghaiDate } from "../../infra/shanghai-time.ts";
import { createProposal, type ProposalDeps } from "../../proposals/create-proposal.ts";
import { findHotspots } from "../../proposals/find-hotspots.ts";
import { proposalDocx, proposalMarkdown, type ProposalDocument } from "../../proposals/proposal-document.ts";
import { proposalFigures } from "../../proposals/proposal-figures.ts";
import type { ProposalSections } from "../../proposals/proposal-draft.ts";
import { statusLabel } from "../../tickets/ticket-status.ts";
import { recordDeskAudit } from "../desk-audit.ts";
import { rowId } from "../stuck-messages.ts";
import { parseOrRefuse } from "./chinese-issues.ts";
import { authenticate, checkCsrf, requireRole, requireScope, type AuthDeps, type Principal } from "./principal.ts";
import { visibleGroupIds } from "./ticket-filters.ts";

export type ProposalsApiDeps = AuthDeps & Omit<ProposalDeps, "db" | "now">;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const Create = z.object({
  hotspot: z.string().min(3).max(200),
  from: z.string().regex(DATE),
  to: z.string().regex(DATE),
});

const Patch = z
  .object({
    title: z.string().min(4).max(100),
    cause: z.string().max(5000),
    situation: z.string().max(5000),
    analysis: z.string().max(5000),
    suggestions: z.array(z.string().min(1).max(1000)).min(1).max(20),
    status: z.enum(["draft", "submitted", "replied", "closed"]),
    handlingUnit: z.string().min(1).max(100),
    reply: z.string().max(10_000),
    satisfaction: z.enum(["满意", "基本满意", "不满意"]),
  })
  .partial()
  .strict();

function period(ctx: Context): { from: string; to: string } {
  const from = String(ctx.query.from ?? "");
  const to = String(ctx.query.to ?? "");
  if (!DATE.test(from) || !DATE.test(to) || from > to)
    throw new RequestRejected("missing_parameter", "from and to are dates YYYY-MM-DD, from not after to");
  return { from, to };
}

/** Whose hotspots: all, or (a deputy, or ?group=) those with a ticket in the given groups. */
async function touchedGroups(deps: AuthDeps, ctx: Context, who: Principal): Promise<number[] | null> {
  const visible = await visibleGroupIds(deps.db, who);
  if (ctx.query.group === undefined) return visible;
  const group = Number(ctx.query.group);
  if (!Number.isInteger(group)) throw new RequestRejected("missing_parameter", "group is a number");
  return visible === null || visible.includes(group) ? [group] : [];
}

export function mountProposalsApi(router: Router, deps: ProposalsApiDeps): void {
  const { db } = deps;
  const proposalDeps = (): ProposalDeps => ({ ...deps, db, now: deps.now });

  router.get("/api/v1/hotspots", async (ctx) => {
    const who = await authenticate(ctx, deps);
    requireScope(who, "figures:read");
    const p = period(ctx);
    const min = ctx.query.min === undefined ? 2 : Number(ctx.query.min);
    if (!Number.isInteger(min) || min < 2) throw new RequestRejected("missing_parameter", "min is a whole number ≥ 2");
    ctx.body = {
      ...p,
      items: await findHotspots(db, {
        ...p,
        groupIds: null,
        touching: await touchedGroups(deps, ctx, who),
        minTickets: min,
      }),
    };
  });

  router.post("/api/v1/proposals", async (ctx) => {
    const who = await authenticate(ctx, deps);
    requireRole(who, ["admin", "staff", "deputy"]);
    checkCsrf(ctx, who);
    const body = parseOrRefuse(Create, parseJsonObject(await readBody(ctx, 16 * 1024), "body"), "起草建议");
    const deputy =
      who.role === "deputy" && who.platformUserId ? { deputyId: who.platformUserId, deputyName: who.name } : {};
    const period = { from: body.from, to: body.to };
    const hotspot = (
      await findHotspots(db, { ...period, groupIds: null, touching: await visibleGroupIds(db, who) })
    ).find((h) => h.key === body.hotspot);
    if (!hotspot)
      throw new RequestRejected("not_found", `起草建议有误：${body.from} 至 ${body.to} 没有热点 ${body.hotspot}`);
    const row = await createProposal(proposalDeps(), hotspot, period, { createdBy: who.username, ...deputy });
    await recordDeskAudit(
      db,
      deps.log,
      { actor: who.username, action: "proposal.draft", target: `proposal:${row.number}`, detail: row.hotspotKey },
      deps.now(),
    );
    ctx.status = 201;
    ctx.body = await view(row.id);
  });

  router.get("/api/v1/proposals", async (ctx) => {
    requireScope(await authenticate(ctx, deps), "figures:read");
    const rows = await db.proposal.findMany({ orderBy: { id: "desc" }, take: 500 });
    ctx.body = {
      figures: await proposalFigures(db),
      items: rows.map((r) => ({ ...summary(r), draftedBy: r.draftedBy })),
    };
  });

  for (const ext of ["docx", "md"] as const)
    router.get(`/api/v1/proposals/:id.${ext}`, async (ctx) => {
      requireScope(await authenticate(ctx, deps), "figures:read");
      const d = await documentOf(rowId(ctx.params.id));
      const file = encodeURIComponent(`${d.number} ${d.title}.${ext}`);
      ctx.set("content-disposition", `attachment; filename*=UTF-8''${file}`);
      if (ext === "md") {
        ctx.type = "text/markdown; charset=utf-8";
        ctx.body = proposalMarkdown(d);
      } else {
        ctx.type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        ctx.body = await proposalDocx(d);
      }
    });

  router.get("/api/v1/proposals/:id", async (ctx) => {
    requireScope(await authenticate(ctx, deps), "figures:read");
    ctx.body = await view(rowId(ctx.params.id));
  });

  router.patch("/api/v1/proposals/:id", async (ctx) => {
    const who = await authenticate(ctx, deps);
    requireRole(who, ["admin", "staff", "deputy"]);
    checkCsrf(ctx, who);
    const id = rowId(ctx.params.id);
    const current = await db.proposal.findUnique({ where: { id } });
    if (!current) throw new RequestRejected("not_found", `no proposal ${id}`);
    if (who.role === "deputy" && current.deputyId !== who.platformUserId)
      throw new RequestRejected("forbidden", "a deputy edits only the proposals made for them");
    const p = parseOrRefuse(Patch, parseJsonObject(await readBody(ctx, 64 * 1024), "body"), "修改建议");
    const sections = JSON.parse(current.sections) as ProposalSections;
    const at = deps.now();
    const status = p.status ?? current.status;
    if (status !== "draft" && !(p.handlingUnit ?? current.handlingUnit))
      throw new RequestRejected("malformed_body", "修改建议有误：提交后须填写承办单位");
    if (p.satisfaction && !(p.reply ?? current.reply))
      throw new RequestRejected("malformed_body", "修改建议有误：收到答复后才能评价满意度");
    await db.proposal.update({
      where: { id },
      data: {
        ...(p.title ? { title: p.title } : {}),
        sections: JSON.stringify({
          cause: p.cause ?? sections.cause,
          situation: p.situation ?? sections.situation,
          analysis: p.analysis ?? sections.analysis,
          suggestions: p.suggestions ?? sections.suggestions,
        }),
        status,
        ...(p.handlingUnit ? { handlingUnit: p.handlingUnit } : {}),
        ...(status !== "draft" && !current.submittedAt ? { submittedAt: at } : {}),
        ...(p.reply !== undefined ? { reply: p.reply, repliedAt: at } : {}),
        ...(p.satisfaction ? { satisfaction: p.satisfaction } : {}),
        updatedAt: at,
      },
    });
    await recordDeskAudit(
      db,
      deps.log,
      {
        actor: who.username,
        action: "proposal.edit",
        target: `proposal:${current.number}`,
        detail: Object.keys(p).join(","),
      },
      at,
    );
    ctx.body = await view(id);
  });

  type Row = NonNullable<Awaited<ReturnType<typeof db.proposal.findUnique>>>;
  function summary(r: Row) {
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      level2: r.level2,
      place: r.place,
      period: { from: r.periodFrom, to: r.periodTo },
      deputyName: r.deputyName,
      status: r.status,
      handlingUnit: r.handlingUnit,
      submittedAt: r.submittedAt,
      repliedAt: r.repliedAt,
      satisfaction: r.satisfaction,
    };
  }

  async function relatedTickets(numbers: string[]) {
    const rows = await db.ticket.findMany({
      where: { number: { in: numbers.slice(0, 200) } },
      select: { number: true, createdAt: true, place: true, status: true, closeReason: true },
      orderBy: { id: "desc" },
    });
    return rows.map((t) => ({
      number: t.number,
      date: shanghaiDate(t.createdAt),
      place: t.place?.split(" / ")[0] ?? null,
      status: statusLabel(t.status, t.closeReason),
    }));
  }

  async function view(id: number) {
    const r = await db.proposal.findUnique({ where: { id } });
    if (!r) throw new RequestRejected("not_found", `no proposal ${id}`);
    return {
      ...summary(r),
      draftedBy: r.draftedBy,
      sections: JSON.parse(r.sections) as ProposalSections,
      reply: r.reply,
      tickets: await relatedTickets(JSON.parse(r.ticketNumbers) as string[]),
    };
  }

  async function documentOf(id: number): Promise<ProposalDocument> {
    const v = await view(id);
    const r = await db.proposal.findUniqueOrThrow({ where: { id }, select: { createdAt: true } });
    return {
      number: v.number,
      title: v.title,
      deputyName: v.deputyName,
      date: shanghaiDate(r.createdAt),
      sections: v.sections,
      tickets: v.tickets,
    };
  }
}
