// Who is calling the desk API: the bootstrap admin token (Authorization: Bearer $MINYI_ADMIN_TOKEN, for
// scripts and the district's systems) or a signed-in account (the session cookie). A change made with the
// cookie must carry the session's CSRF token in X-CSRF-Token: a page on another site can make the browser
// send the cookie, never read the token.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Context } from "koa";
import type { Db } from "../../infra/db/create-database.ts";
import { RequestRejected } from "../../infra/request-rejected.ts";
import { findSession, SESSION_COOKIE } from "../accounts/sessions.ts";
import { isDeskRole, type DeskRole } from "../accounts/desk-role.ts";

export interface Principal {
  via: "token" | "session";
  accountId: number | null;
  username: string;
  name: string;
  role: DeskRole;
  /** The account's identity in the chats (a deputy's user id), if linked. */
  platformUserId: string | null;
  csrfToken: string | null;
}

export interface AuthDeps {
  db: Db;
  adminToken: string | undefined;
  now: () => Date;
}

const digest = (s: string) => createHash("sha256").update(s).digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

export async function authenticate(ctx: Context, deps: AuthDeps): Promise<Principal> {
  const header = ctx.get("authorization");
  if (header) {
    const given = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
    if (!given || !deps.adminToken || !sameSecret(given, deps.adminToken))
      throw new RequestRejected("unauthorized", "the bearer token is not valid");
    return {
      via: "token",
      accountId: null,
      username: "admin-token",
      name: "管理令牌",
      role: "admin",
      platformUserId: null,
      csrfToken: null,
    };
  }
  const token = ctx.cookies.get(SESSION_COOKIE);
  const session = token ? await findSession(deps.db, token, deps.now()) : null;
  if (!session)
    throw new RequestRejected("unauthorized", "sign in first (POST /api/v1/session) or send a bearer token");
  const role = session.account.role;
  if (!isDeskRole(role)) throw new RequestRejected("forbidden", `account role ${role} is not known`);
  return {
    via: "session",
    accountId: session.account.id,
    username: session.account.username,
    name: session.account.displayName,
    role,
    platformUserId: session.account.platformUserId,
    csrfToken: session.csrfToken,
  };
}

/** A change: with the cookie, the session's CSRF token must come back in X-CSRF-Token. */
export function checkCsrf(ctx: Context, who: Principal): void {
  if (who.via !== "session") return;
  const given = ctx.get("x-csrf-token");
  if (!given || !who.csrfToken || !sameSecret(given, who.csrfToken))
    throw new RequestRejected("csrf_failed", "send the session's CSRF token in X-CSRF-Token");
}

export function requireRole(who: Principal, roles: readonly DeskRole[]): void {
  if (!roles.includes(who.role))
    throw new RequestRejected("forbidden", `this needs one of the roles ${roles.join(", ")} (yours: ${who.role})`);
}
