// The role of a message's sender: their membership in the group the message came from; in a one-to-one
// chat (the WeCom app), the highest role they hold in any group of that platform.
import type { Db } from "../infra/db/create-database.ts";
import type { Role } from "./role.ts";

const RANK: Record<Role, number> = { resident: 0, deputy: 1, staff: 2 };

export async function resolveRole(
  db: Db,
  q: { platform: string; userId: string; groupId: number | null },
): Promise<{ role: Role; name: string | null }> {
  const rows = await db.member.findMany({
    where:
      q.groupId !== null
        ? { groupId: q.groupId, platformUserId: q.userId }
        : { platformUserId: q.userId, group: { platform: q.platform } },
    select: { role: true, name: true },
  });
  let best: { role: Role; name: string | null } = { role: "resident", name: null };
  for (const r of rows) {
    const role = r.role as Role;
    if (RANK[role] > RANK[best.role]) best = { role, name: r.name };
  }
  return best;
}
