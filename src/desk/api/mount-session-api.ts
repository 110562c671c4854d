// Signing in and out of the desk:
//   POST   /api/v1/session  {username, password} → sets the session cookie; answers the account and its CSRF token
//   GET    /api/v1/session  the signed-in account and its CSRF token (the page reads it on load)
//   DELETE /api/v1/session  signs out (needs the CSRF token)
// Failed attempts are limited per username and per address (src/desk/accounts/sign-in-limit.ts); a wrong
// username and a wrong password get the same answer.
import type Router from "@koa/router";
import type { Context } from "koa";
import type { Logger } from "../../infra/create-logger.ts";
import { parseJsonObject, readBody } from "../../infra/read-body.ts";
import { RequestRejected } from "../../infra/request-rejected.ts";
import { DESK_ROLE_LABEL, isDeskRole } from "../accounts/desk-role.ts";
import { verifyPassword } from "../accounts/password-hash.ts";
import { closeSession, openSession, SESSION_COOKIE } from "../accounts/sessions.ts";
import { clearSignInFailures, recordSignInFailure, signInBlocked } from "../accounts/sign-in-limit.ts";
import { authenticate, checkCsrf, type AuthDeps, type Principal } from "./principal.ts";

/** A hash to check against when the username is unknown, so both failures take as long. */
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export interface SessionApiDeps extends AuthDeps {
  sessionMs: number;
  log: Logger;
}

const me = (who: Pick<Principal, "username" | "name" | "role" | "csrfToken">) => ({
  username: who.username,
  name: who.name,
  role: who.role,
  roleLabel: DESK_ROLE_LABEL[who.role],
  csrfToken: who.csrfToken,
});

function setCookie(ctx: Context, token: string, expires: Date): void {
  ctx.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: ctx.secure,
    path: "/",
    expires,
    overwrite: true,
  });
}

export function mountSessionApi(router: Router, deps: SessionApiDeps): void {
  const { db } = deps;
  router.post("/api/v1/session", async (ctx) => {
    const body = parseJsonObject(await readBody(ctx, 16 * 1024), "body");
    const username = typeof body.username === "string" ? body.username.trim().slice(0, 64) : "";
    const password = typeof body.password === "string" ? body.password.slice(0, 200) : "";
    if (!username || !password) throw new RequestRejected("missing_parameter", "username and password are required");
    const at = deps.now();
    if (await signInBlocked(db, username, ctx.ip, at))
      throw new RequestRejected("too_many_attempts", "登录失败次数过多，请 15 分钟后再试");
    const account = await db.account.findUnique({ where: { username } });
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !ok || account.disabledAt || !isDeskRole(account.role)) {
      await recordSignInFailure(db, username, ctx.ip, at);
      deps.log.warn({ username, ip: ctx.ip }, "desk sign-in refused");
      throw new RequestRejected("unauthorized", "用户名或密码不正确");
    }
    await clearSignInFailures(db, username);
    const session = await openSession(db, account.id, at, deps.sessionMs);
    setCookie(ctx, session.token, session.expiresAt);
    deps.log.info({ username, accountId: account.id }, "desk sign-in");
    ctx.body = me({
      username: account.username,
      name: account.displayName,
      role: account.role,
      csrfToken: session.csrfToken,
    });
  });

  router.get("/api/v1/session", async (ctx) => {
    ctx.body = me(await authenticate(ctx, deps));
  });

  router.delete("/api/v1/session", async (ctx) => {
    const who = await authenticate(ctx, deps);
    checkCsrf(ctx, who);
    const token = ctx.cookies.get(SESSION_COOKIE);
    if (token) await closeSession(db, token);
    setCookie(ctx, "", new Date(0));
    ctx.status = 204;
  });
}
