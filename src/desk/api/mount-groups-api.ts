// A group's configuration, edited on the desk (admins and staff) and stored in the database, effective
// without a restart on every replica (each reads it from the database when it needs it; the intake's group
// cache lives 10 s):
//   GET /api/v1/groups/:id                its members, places, reception rule (with the next reception days),
//                                         digest, committee flag, and which robots are set (never their URLs)
//   PUT /api/v1/groups/:id/members        {members: [{userId, name, role: deputy|staff}]}
//   PUT /api/v1/groups/:id/reception      a rule as in the groups file ({pattern, time, place, …}), or {remove: true}
//   PUT /api/v1/groups/:id/digest         {weekday: 1–7, time: "HH:MM"} or {weekday: 0}: no weekly digest
//   PUT /api/v1/groups/:id/places         {places: [{name, aliases?, kind?}]}
//   POST /api/v1/groups                   {platform: wecom|dingtalk, platformGroupId, name}: serve a new group
//                                         (or serve again one that was removed)
//   DELETE /api/v1/groups/:id             stop serving it: refused at intake, no roles, robots or schedules;
//                                         its tickets are kept
//   PUT /api/v1/groups/:id/routes         {push?: route | null, staff?: route | null}: the robots, as in the
//                                         groups file; write-only (a URL or secret is never shown again)
// Refusals name the field and the problem in Chinese. The groups file is an import (see main.ts).
import type Router from "@koa/router";
import type { Context } from "koa";
import { z } from "zod";
import type { Logger } from "../../infra/create-logger.ts";
import type { BusinessCalendar } from "../../infra/business-calendar.ts";
import { parseJsonObject, readBody } from "../../infra/read-body.ts";
import { RequestRejected } from "../../infra/request-rejected.ts";
import { addDays, shanghaiDate } from "../../infra/shanghai-time.ts";
import { receptionDatesBetween } from "../../groups/reception-days.ts";
import { parseReceptionRow, receptionRow, ReceptionSeedSchema } from "../../groups/reception-rule.ts";
import {
  checkPushRoute,
  checkStaffRoute,
  DigestSchema,
  disableGroup,
  MemberSchema,
  notDeputies,
  type PushRules,
} from "../../groups/seed-groups.ts";
import { ReplyRouteSchema } from "../../outbox/reply-route.ts";
import { GazetteerSchema } from "../../understanding/extract/gazetteer.ts";
import { rowId } from "../stuck-messages.ts";
import { recordDeskAudit } from "../desk-audit.ts";
import { parseOrRefuse } from "./chinese-issues.ts";
import { authenticate, checkCsrf, requireRole, type AuthDeps, type Principal } from "./principal.ts";

export interface GroupsApiDeps extends AuthDeps {
  log: Logger;
  calendar: BusinessCalendar;
  /** The route kinds the channels accept and the allowed origins, as for the groups file. */
  routeRules: PushRules;
}

const EDITORS = ["admin", "staff"] as const;
const NEXT_DAYS_SHOWN = 3;

export function mountGroupsApi(router: Router, deps: GroupsApiDeps): void {
  const { db } = deps;

  async function editor(ctx: Context): Promise<Principal> {
    const who = await authenticate(ctx, deps);
    requireRole(who, EDITORS);
    if (who.via === "api-token") throw new RequestRejected("forbidden", "群设置只能在工作台修改");
    checkCsrf(ctx, who);
    return who;
  }

  async function liveGroup(ctx: Context) {
    const id = rowId(ctx.params.id);
    const group = await db.group.findFirst({
      where: { id, disabledAt: null },
      include: { members: true, receptionRule: true },
    });
    if (!group) throw new RequestRejected("not_found", `no group ${id}`);
    return group;
  }

  async function view(ctx: Context) {
    const g = await liveGroup(ctx);
    const today = shanghaiDate(deps.now());
    const rule = g.receptionRule ? parseReceptionRow(g.receptionRule) : null;
    return {
      id: g.id,
      name: g.name,
      platform: g.platform,
      committee: g.committee,
      members: g.members.map((m) => ({ userId: m.platformUserId, name: m.name, role: m.role })),
      places: JSON.parse(g.places) as unknown,
      digest: g.digestWeekday === 0 ? null : { weekday: g.digestWeekday, time: g.digestTime },
      pushRobot: g.pushRoute ? (JSON.parse(g.pushRoute) as { kind: string }).kind : null,
      staffRoute: g.staffRoute ? (JSON.parse(g.staffRoute) as { kind: string }).kind : null,
      reception: rule && {
        pattern: rule.pattern,
        time: `${rule.startTime}-${rule.endTime}`,
        place: rule.place,
        holidayPolicy: rule.holidayPolicy,
        roster: rule.roster,
        perDay: rule.perDay,
        duty: rule.dutyOverrides,
        next: receptionDatesBetween(rule, today, addDays(today, 120), deps.calendar)
          .slice(0, NEXT_DAYS_SHOWN)
          .map((d) => d.date),
      },
    };
  }

  router.get("/api/v1/groups/:id", async (ctx) => {
    const who = await authenticate(ctx, deps);
    requireRole(who, EDITORS);
    ctx.body = await view(ctx);
  });

  router.put("/api/v1/groups/:id/members", async (ctx) => {
    const who = await editor(ctx);
    const g = await liveGroup(ctx);
    const body = parseJsonObject(await readBody(ctx, 256 * 1024), "body");
    const members = parseOrRefuse(z.array(MemberSchema), body.members, "成员名单");
    const ids = members.map((m) => m.userId);
    if (new Set(ids).size !== ids.length)
      throw new RequestRejected("malformed_body", "成员名单有误：同一用户 ID 出现了两次");
    const rule = g.receptionRule ? parseReceptionRow(g.receptionRule) : undefined;
    const orphaned = notDeputies(members, rule && { roster: rule.roster, duty: rule.dutyOverrides });
    if (orphaned.length)
      throw new RequestRejected(
        "malformed_body",
        `成员名单有误：${orphaned.join("、")} 在接待日轮值名单中，必须是本群代表`,
      );
    await db.$transaction([
      db.member.deleteMany({ where: { groupId: g.id, platformUserId: { notIn: ids } } }),
      ...members.map((m) =>
        db.member.upsert({
          where: { groupId_platformUserId: { groupId: g.id, platformUserId: m.userId } },
          create: { groupId: g.id, platformUserId: m.userId, name: m.name, role: m.role },
          update: { name: m.name, role: m.role },
        }),
      ),
    ]);
    await recordDeskAudit(
      db,
      deps.log,
      { actor: who.username, action: "group.members", target: `group:${g.id}`, detail: `${members.length} 人` },
      deps.now(),
    );
    ctx.body = await view(ctx);
  });

  router.put("/api/v1/groups/:id/reception", async (ctx) => {
    const who = await editor(ctx);
    const g = await liveGroup(ctx);
    const body = parseJsonObject(await readBody(ctx, 64 * 1024), "body");
    if (body.remove === true) {
      await db.receptionRule.deleteMany({ where: { groupId: g.id } });
    } else {
      const seed = parseOrRefuse(ReceptionSeedSchema, body, "接待日规则");
      const orphaned = notDeputies(
        g.members.map((m) => ({ userId: m.platformUserId, role: m.role })),
        seed,
      );
      if (orphaned.length)
        throw new RequestRejected("malformed_body", `接待日规则有误：${orphaned.join("、")} 不是本群代表，不能排班`);
      const rule = receptionRow(seed);
      await db.receptionRule.upsert({ where: { groupId: g.id }, create: { groupId: g.id, ...rule }, update: rule });
    }
    await recordDeskAudit(
      db,
      deps.log,
      {
        actor: who.username,
        action: "group.reception",
        target: `group:${g.id}`,
        detail: JSON.stringify(body).slice(0, 500),
      },
      deps.now(),
    );
    ctx.body = await view(ctx);
  });

  router.put("/api/v1/groups/:id/digest", async (ctx) => {
    const who = await editor(ctx);
    const g = await liveGroup(ctx);
    const body = parseJsonObject(await readBody(ctx, 16 * 1024), "body");
    const digest = body.weekday === 0 ? false : parseOrRefuse(DigestSchema, body, "周报时间");
    await db.group.update({
      where: { id: g.id },
      data: digest ? { digestWeekday: digest.weekday, digestTime: digest.time } : { digestWeekday: 0 },
    });
    await recordDeskAudit(
      db,
      deps.log,
      {
        actor: who.username,
        action: "group.digest",
        target: `group:${g.id}`,
        detail: JSON.stringify(body).slice(0, 200),
      },
      deps.now(),
    );
    ctx.body = await view(ctx);
  });

  router.put("/api/v1/groups/:id/places", async (ctx) => {
    const who = await editor(ctx);
    const g = await liveGroup(ctx);
    const body = parseJsonObject(await readBody(ctx, 256 * 1024), "body");
    const places = parseOrRefuse(GazetteerSchema, body.places, "地名表");
    await db.group.update({ where: { id: g.id }, data: { places: JSON.stringify(places) } });
    await recordDeskAudit(
      db,
      deps.log,
      { actor: who.username, action: "group.places", target: `group:${g.id}`, detail: `${places.length} 个地名` },
      deps.now(),
    );
    ctx.body = await view(ctx);
  });

  router.put("/api/v1/groups/:id/routes", async (ctx) => {
    const who = await editor(ctx);
    const g = await liveGroup(ctx);
    const body = parseJsonObject(await readBody(ctx, 16 * 1024), "body");
    const data: { pushRoute?: string | null; staffRoute?: string | null } = {};
    const members = g.members.map((m) => ({ userId: m.platformUserId }));
    try {
      if (body.push !== undefined)
        data.pushRoute =
          body.push === null
            ? null
            : JSON.stringify(checkPushRoute(parseOrRefuse(ReplyRouteSchema, body.push, "推送机器人"), deps.routeRules));
      if (body.staff !== undefined)
        data.staffRoute =
          body.staff === null
            ? null
            : JSON.stringify(
                checkStaffRoute(parseOrRefuse(ReplyRouteSchema, body.staff, "内部通道"), members, deps.routeRules),
              );
    } catch (err) {
      if (err instanceof RequestRejected) throw err;
      throw new RequestRejected("malformed_body", `机器人设置有误：${(err as Error).message}`);
    }
    await db.group.update({ where: { id: g.id }, data });
    await recordDeskAudit(
      db,
      deps.log,
      { actor: who.username, action: "group.routes", target: `group:${g.id}`, detail: Object.keys(data).join(", ") },
      deps.now(),
    );
    ctx.body = await view(ctx);
  });

  router.post("/api/v1/groups", async (ctx) => {
    const who = await editor(ctx);
    const body = parseOrRefuse(
      z.object({
        platform: z.enum(["wecom", "dingtalk"]),
        platformGroupId: z.string().trim().min(1).max(256),
        name: z.string().trim().min(1).max(100),
      }),
      parseJsonObject(await readBody(ctx, 16 * 1024), "body"),
      "群信息",
    );
    const key = { platform: body.platform, platformGroupId: body.platformGroupId };
    const existing = await db.group.findUnique({ where: { platform_platformGroupId: key } });
    if (existing && !existing.disabledAt) throw new RequestRejected("conflict", "这个群已经在服务中");
    const group = existing
      ? await db.group.update({ where: { id: existing.id }, data: { name: body.name, disabledAt: null } })
      : await db.group.create({ data: { ...key, name: body.name, createdAt: deps.now() } });
    await recordDeskAudit(
      db,
      deps.log,
      { actor: who.username, action: "group.create", target: `group:${group.id}`, detail: body.name },
      deps.now(),
    );
    ctx.status = 201;
    ctx.params.id = String(group.id);
    ctx.body = await view(ctx);
  });

  router.delete("/api/v1/groups/:id", async (ctx) => {
    const who = await editor(ctx);
    const g = await liveGroup(ctx);
    await disableGroup(db, g.id, deps.now());
    await recordDeskAudit(
      db,
      deps.log,
      { actor: who.username, action: "group.remove", target: `group:${g.id}`, detail: g.name },
      deps.now(),
    );
    ctx.status = 204;
  });
}
