// Groups are data: admins list them in a JSON file (MINYI_GROUPS_FILE) that is upserted on start.
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Db } from "../db/create-database.ts";

export const GroupsFileSchema = z.array(
  z.object({
    platform: z.enum(["wecom", "dingtalk"]),
    /** WeCom chatid or DingTalk conversationId, as seen in the callback. */
    platformGroupId: z.string().min(1),
    name: z.string().min(1),
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
    await db.group.upsert({
      where: { platform_platformGroupId: { platform: g.platform, platformGroupId: g.platformGroupId } },
      create: g,
      update: { name: g.name },
    });
  }
}
