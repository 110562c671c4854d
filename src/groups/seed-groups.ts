// Groups are data: admins list them in a JSON file (MINYI_GROUPS_FILE) that is applied on start. For
// each group: its deputies and staff (everyone else is a resident), and optionally the robot webhook
// that proactive posts (overdue nudges, reminders, digests) go to. The file is authoritative for
// members: someone removed from it loses their role at the next start.
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Db } from "../db/create-database.ts";
import { PushRouteSchema } from "../outbound/reply-route.ts";

export const GroupsFileSchema = z.array(
  z.object({
    platform: z.enum(["wecom", "dingtalk"]),
    /** WeCom chatid or DingTalk conversationId, as seen in the callback. */
    platformGroupId: z.string().min(1),
    name: z.string().min(1),
    members: z
      .array(z.object({ userId: z.string().min(1), name: z.string().min(1), role: z.enum(["deputy", "staff"]) }))
      .default([]),
    push: PushRouteSchema.optional(),
  }),
);

export type GroupSeed = z.infer<typeof GroupsFileSchema>[number];

export function readGroupsFile(path: string): GroupSeed[] {
  const parsed = GroupsFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

export async function upsertGroups(db: Db, groups: GroupSeed[]): Promise<void> {
  for (const g of groups) {
    const pushRoute = g.push ? JSON.stringify(g.push) : null;
    const key = { platform: g.platform, platformGroupId: g.platformGroupId };
    const group = await db.group.upsert({
      where: { platform_platformGroupId: key },
      create: { ...key, name: g.name, pushRoute },
      update: { name: g.name, pushRoute },
    });
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
}
