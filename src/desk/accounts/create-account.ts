// Creating an account: from the CLI (`npm run -s account -- add …`) and, for the first admin, from the
// environment at start (MINYI_FIRST_ADMIN + MINYI_FIRST_ADMIN_PASSWORD, only while no admin exists).
import type { Db } from "../../infra/db/create-database.ts";
import { isDeskRole, type DeskRole } from "./desk-role.ts";
import { hashPassword, passwordProblem } from "./password-hash.ts";

export class AccountRefused extends Error {
  override name = "AccountRefused";
}

export interface NewAccount {
  username: string;
  displayName?: string;
  password: string;
  role: string;
  platformUserId?: string;
  /** Who made it, for the audit trail: "cli" (the default) or "environment". */
  createdBy?: string;
}

export async function createAccount(db: Db, a: NewAccount, at: Date): Promise<{ id: number; role: DeskRole }> {
  if (!/^[A-Za-z0-9._@-]{2,64}$/.test(a.username))
    throw new AccountRefused("用户名只能包含字母、数字和 . _ @ -，长度 2–64");
  if (!isDeskRole(a.role)) throw new AccountRefused(`角色必须是 admin、staff、deputy 或 viewer`);
  const problem = passwordProblem(a.password);
  if (problem) throw new AccountRefused(problem);
  if (await db.account.findUnique({ where: { username: a.username } }))
    throw new AccountRefused(`用户名 ${a.username} 已存在`);
  const row = await db.account.create({
    data: {
      username: a.username,
      displayName: a.displayName ?? a.username,
      passwordHash: await hashPassword(a.password),
      role: a.role,
      platformUserId: a.platformUserId ?? null,
      createdAt: at,
    },
  });
  await db.deskAudit.create({
    data: {
      at,
      actor: a.createdBy ?? "cli",
      action: "account.create",
      target: `account:${row.id}`,
      detail: `${a.username} (${a.role})`,
    },
  });
  return { id: row.id, role: a.role };
}

/** Creates the first admin from the environment when there is no admin yet; says whether it did. */
export async function ensureFirstAdmin(
  db: Db,
  first: { username: string; password: string } | undefined,
  at: Date,
): Promise<boolean> {
  if (!first) return false;
  if (await db.account.findFirst({ where: { role: "admin", disabledAt: null } })) return false;
  await createAccount(db, { ...first, role: "admin", displayName: "管理员", createdBy: "environment" }, at);
  return true;
}
