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
import { parseScopes, type ApiScope } from "../accounts/api-scopes.ts";
import { API_TOKEN_PREFIX, hashApiToken } from "../accounts/api-tokens.ts";

export interface Principal {
  /** token: MINYI_ADMIN_TOKEN; api-token: a scoped token made on the desk; session: a signed-in account. */
  via: "token" | "api-token" | "session";
  /** What it may do besides its role: every scope, or a token's own. */
  scopes: ReadonlySet<ApiScope> | "all";
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
    if (given.startsWith(API_TOKEN_PREFIX)) return apiTokenPrincipal(deps, given);
    if (!given || !deps.adminToken || !sameSecret(given, deps.adminToken))
      throw new RequestRejected("unauthorized", "the bearer token is not valid");
    return {
      via: "token",
      scopes: "all",
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
    scopes: "all",
    accountId: session.account.id,
    username: session.account.username,
    name: session.account.displayName,
    role,
    platformUserId: session.account.platformUserId,
    csrfToken: session.csrfToken,
  };
}

/** A token made on the desk: found by its hash, not revoked; acts as staff within its scopes. */
async function apiTokenPrincipal(deps: AuthDeps, token: string): Promise<Principal> {
  const row = await deps.db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  if (!row || row.revokedAt) throw new RequestRejected("unauthorized", "the bearer token is not valid");
  const now = deps.now();
  // Written at most once a minute: a busy integration must not turn every read into a write.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
    await deps.db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return {
    via: "api-token",
    scopes: new Set(parseScopes(row.scopes)),
    accountId: null,
    username: `token-${row.id}`,
    name: row.name,
    role: "staff",
    platformUserId: null,
    csrfToken: null,
  };
}

/** The scope a call needs; an account's role is checked besides (requireRole). */
export function requireScope(who: Principal, scope: ApiScope): void {
  if (who.scopes !== "all" && !who.scopes.has(scope))
    throw new RequestRejected("forbidden", `this token lacks the scope ${scope}`);
}

/** Managing accounts, tokens and webhooks: a signed-in admin or the bootstrap admin token, never a scoped token. */
export function requireAdmin(who: Principal): void {
  if (who.role !== "admin" || who.via === "api-token")
    throw new RequestRejected("forbidden", "only an admin may do this");
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
