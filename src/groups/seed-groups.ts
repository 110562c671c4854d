// Groups are data: admins list them in a JSON file (MINYI_GROUPS_FILE) that is imported on start when it
// changed since its last import (its SHA-256 is kept in Setting), and edited on the desk in between. For
// each group: its deputies and staff (everyone else is a resident), optionally the robot that proactive
// posts (overdue nudges, reminders, digests) go to, its reception-day rule, when its weekly digest is
// posted, and whether it is the committee's group (which also gets the monthly digest). The file is
// authoritative when imported: someone removed from it loses their role, a rule removed from it stops, and a
// group removed from it is disabled (messages refused with 403, no roles, no posts; its tickets are kept).
// An unchanged file is checked but not imported again, so what staff changed on the desk is kept across
// restarts. Push robots must be on an allowed origin (MINYI_REPLY_ORIGINS).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Db } from "../infra/db/create-database.ts";
import { refuseReplyRoute } from "../outbox/reply-origins.ts";
import type { z as Zod } from "zod";
import { ReplyRouteSchema, type DirectRouteKind, type ReplyRoute } from "../outbox/reply-route.ts";
import { GazetteerSchema } from "../understanding/extract/gazetteer.ts";
import { receptionRow, ReceptionSeedSchema } from "./reception-rule.ts";

/** A deputy or staff member of a group (everyone else is a resident). */
export const MemberSchema = z.object({
  userId: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(["deputy", "staff"]),
});

/** The weekly digest's day (1 = Monday … 7 = Sunday) and time, Asia/Shanghai; false: no weekly digest. */
export const DigestSchema = z.union([
  z.literal(false),
  z.object({
    weekday: z.number().int().min(1).max(7),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time is "HH:MM"'),
  }),
]);

/** Roster and duty ids that are not deputies among `members` (a rule must name deputies only). */
export function notDeputies(
  members: ReadonlyArray<{ userId: string; role: string }>,
  reception: { roster?: string[]; duty?: Record<string, string[]> } | undefined,
): string[] {
  const deputies = new Set(members.filter((m) => m.role === "deputy").map((m) => m.userId));
  const named = [...(reception?.roster ?? []), ...Object.values(reception?.duty ?? {}).flat()];
  return named.filter((id) => !deputies.has(id));
}

const GroupSchema = z
  .object({
    platform: z.enum(["wecom", "dingtalk"]),
    /** WeCom chatid or DingTalk conversationId, as seen in the callback. */
    platformGroupId: z.string().min(1),
    name: z.string().min(1),
    members: z.array(MemberSchema).default([]),
    /** The group's push robot: one of the route kinds the channels accept for pushes (checked on read). */
    push: ReplyRouteSchema.optional(),
    /**
     * Where nudges and danger alerts for the group's deputies and staff go, never the residents' group: an
     * internal group's robot (a push kind), or one-to-one messages (a direct kind: the WeCom app, the
     * DingTalk OpenAPI) to the recipients named, by default the group's deputies and staff.
     */
    staff: ReplyRouteSchema.optional(),
    reception: ReceptionSeedSchema.optional(),
    digest: DigestSchema.default({ weekday: 1, time: "09:00" }),
    committee: z.boolean().default(false),
    /** Known places: estates, roads, landmarks, markets, schools, with aliases ("幸福里" for 幸福小区). */
    places: GazetteerSchema,
  })
  .superRefine((g, ctx) => {
    for (const id of notDeputies(g.members, g.reception))
      ctx.addIssue({
        code: "custom",
        path: ["reception"],
        message: `${id} is on the duty roster but not a deputy in members`,
      });
  });

export const GroupsFileSchema = z.array(GroupSchema);

export type GroupSeed = z.infer<typeof GroupsFileSchema>[number];

export interface PushRules {
  /** MINYI_REPLY_ORIGINS */
  replyOrigins: readonly string[];
  /** The push route kinds the channels accept, with their schemas (src/channels/*: pushRoutes). */
  pushRoutes: Readonly<Record<string, Zod.ZodType>>;
  /** The one-to-one route kinds a staff route may also use (src/channels/*: directRoutes). */
  directRoutes: Readonly<Record<string, DirectRouteKind>>;
}

export function readGroupsFile(path: string, rules: PushRules): GroupSeed[] {
  const parsed = GroupsFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success)
    throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data.map((g, i) => {
    if (g.push) checkPushRoute(g.push, rules, `${path}: ${i}.push`);
    return g.staff ? { ...g, staff: checkStaffRoute(g.staff, g.members, rules, `${path}: ${i}.staff`) } : g;
  });
}

/** A group's push robot, checked against the channels' push kinds and the allowed origins; throws saying why. */
export function checkPushRoute(route: ReplyRoute, rules: PushRules, where = "push"): ReplyRoute {
  checkRoute(where, route, rules.pushRoutes, rules);
  return route;
}

/**
 * A group's staff route: any push kind, or a one-to-one kind, whose recipients default to the group's
 * members; throws saying why it cannot be used.
 */
export function checkStaffRoute(
  route: ReplyRoute,
  members: ReadonlyArray<{ userId: string }>,
  rules: PushRules,
  where = "staff",
): ReplyRoute {
  const staffKinds = {
    ...rules.pushRoutes,
    ...Object.fromEntries(Object.entries(rules.directRoutes).map(([k, d]) => [k, d.schema])),
  };
  checkRoute(where, route, staffKinds, rules);
  const direct = rules.directRoutes[route.kind];
  if (!direct) return route;
  const recipients = members.map((m) => m.userId);
  if (recipients.length === 0 && !direct.schema.safeParse(route).success)
    throw new Error(`${where}: one-to-one messages need recipients: list members or name them`);
  return direct.addressed(route, recipients);
}

function checkRoute(
  where: string,
  route: ReplyRoute,
  kinds: Readonly<Record<string, Zod.ZodType>>,
  rules: PushRules,
): void {
  const schema = kinds[route.kind];
  if (!schema) throw new Error(`${where}.kind: "${route.kind}" is none of ${Object.keys(kinds).join(", ")}`);
  const shape = schema.safeParse(route);
  if (!shape.success)
    throw new Error(`${where}: ${shape.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
  const refused = refuseReplyRoute(route, rules.replyOrigins);
  if (refused) throw new Error(`${where}: ${refused}; add its origin to MINYI_REPLY_ORIGINS if it is yours`);
}

/**
 * Applies the groups file. A group new to the database is created with `createdAt = now` (the service's
 * clock): that is when it was first seen, and no digest reports on a period that ended before it.
 */
export async function upsertGroups(db: Db, groups: GroupSeed[], now: Date): Promise<void> {
  for (const g of groups) {
    const pushRoute = g.push ? JSON.stringify(g.push) : null;
    const staffRoute = g.staff ? JSON.stringify(g.staff) : null;
    const key = { platform: g.platform, platformGroupId: g.platformGroupId };
    const settings = {
      name: g.name,
      pushRoute,
      staffRoute,
      committee: g.committee,
      digestWeekday: g.digest ? g.digest.weekday : 0,
      digestTime: g.digest ? g.digest.time : "09:00",
      places: JSON.stringify(g.places),
    };
    const group = await db.group.upsert({
      where: { platform_platformGroupId: key },
      create: { ...key, ...settings, createdAt: now },
      update: { ...settings, disabledAt: null },
    });
    if (g.reception) {
      const rule = receptionRow(g.reception);
      await db.receptionRule.upsert({
        where: { groupId: group.id },
        create: { groupId: group.id, ...rule },
        update: rule,
      });
    } else {
      await db.receptionRule.deleteMany({ where: { groupId: group.id } });
    }
    await db.$transaction([
      db.member.deleteMany({ where: { groupId: group.id, platformUserId: { notIn: g.members.map((m) => m.userId) } } }),
      ...g.members.map((m) =>
        db.member.upsert({
          where: { groupId_platformUserId: { groupId: group.id, platformUserId: m.userId } },
          create: { groupId: group.id, platformUserId: m.userId, name: m.name, role: m.role },
          update: { name: m.name, role: m.role },
        }),
      ),
    ]);
  }
  await disableGroupsNotIn(db, groups, now);
}

/** A group no longer in the file: refused at intake, no roles, no robot, no schedules; tickets kept. */
async function disableGroupsNotIn(db: Db, groups: GroupSeed[], now: Date): Promise<void> {
  const listed = new Set(groups.map((g) => `${g.platform}:${g.platformGroupId}`));
  const removed = (
    await db.group.findMany({
      where: { disabledAt: null },
      select: { id: true, platform: true, platformGroupId: true },
    })
  ).filter((g) => !listed.has(`${g.platform}:${g.platformGroupId}`));
  for (const g of removed) await disableGroup(db, g.id, now);
}

/** A group the bot no longer serves: refused at intake, no roles, no robot, no schedules; tickets kept. */
export async function disableGroup(db: Db, id: number, now: Date): Promise<void> {
  await db.$transaction([
    db.member.deleteMany({ where: { groupId: id } }),
    db.receptionRule.deleteMany({ where: { groupId: id } }),
    db.group.update({
      where: { id },
      data: { disabledAt: now, pushRoute: null, staffRoute: null, digestWeekday: 0, committee: false },
    }),
  ]);
}

const IMPORTED_KEY = "groups-file-sha256";

/**
 * Checks the groups file and imports it when its content differs from the last import. Returns whether it
 * was imported.
 */
export async function importGroupsFileIfChanged(db: Db, path: string, rules: PushRules, now: Date): Promise<boolean> {
  const groups = readGroupsFile(path, rules);
  const sha256 = createHash("sha256").update(readFileSync(path)).digest("hex");
  const last = await db.setting.findUnique({ where: { key: IMPORTED_KEY } });
  if (last?.value === sha256) return false;
  await upsertGroups(db, groups, now);
  await db.setting.upsert({
    where: { key: IMPORTED_KEY },
    create: { key: IMPORTED_KEY, value: sha256 },
    update: { value: sha256 },
  });
  return true;
}
