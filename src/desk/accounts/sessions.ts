// Browser sessions: a random token in an HttpOnly, SameSite=Strict cookie (Secure when the request came over
// HTTPS, as told by the proxy); the database keeps only its SHA-256, so a copy of the table signs no one in.
// Each session has its own CSRF token, which the page sends back in X-CSRF-Token on every change.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../infra/db/create-database.ts";

export const SESSION_COOKIE = "minyi_session";

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

export async function openSession(
  db: Db,
  accountId: number,
  at: Date,
  ttlMs: number,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(at.getTime() + ttlMs);
  await db.session.create({ data: { id: digest(token), accountId, csrfToken, createdAt: at, expiresAt } });
  return { token, csrfToken, expiresAt };
}

/** The live session of a cookie's token, with its account (null when unknown, expired or the account disabled). */
export async function findSession(db: Db, token: string, at: Date) {
  const session = await db.session.findUnique({ where: { id: digest(token) }, include: { account: true } });
  if (!session || session.expiresAt <= at || session.account.disabledAt) return null;
  return session;
}

export async function closeSession(db: Db, token: string): Promise<void> {
  await db.session.deleteMany({ where: { id: digest(token) } });
}
