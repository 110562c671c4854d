// Sign-in attempts are limited per username and per client address: after too many failures within the
// window, sign-in is refused (429) until the oldest failure leaves the window. A success clears the
// username's failures. Kept in the database, so every replica counts the same attempts.
import type { Db } from "../../infra/db/create-database.ts";

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
const MAX_PER_USER = 5;
const MAX_PER_ADDRESS = 20;

const keys = (username: string, address: string) => ({ user: `user:${username}`, ip: `ip:${address}` });

/** True when this username or address has failed too often lately. */
export async function signInBlocked(db: Db, username: string, address: string, at: Date): Promise<boolean> {
  const since = new Date(at.getTime() - SIGN_IN_WINDOW_MS);
  const k = keys(username, address);
  const [user, ip] = await Promise.all([
    db.signInFailure.count({ where: { key: k.user, at: { gt: since } } }),
    db.signInFailure.count({ where: { key: k.ip, at: { gt: since } } }),
  ]);
  return user >= MAX_PER_USER || ip >= MAX_PER_ADDRESS;
}

export async function recordSignInFailure(db: Db, username: string, address: string, at: Date): Promise<void> {
  const k = keys(username, address);
  await db.signInFailure.createMany({
    data: [
      { key: k.user, at },
      { key: k.ip, at },
    ],
  });
  // Old failures are of no use: the table stays small.
  await db.signInFailure.deleteMany({ where: { at: { lt: new Date(at.getTime() - SIGN_IN_WINDOW_MS) } } });
}

export async function clearSignInFailures(db: Db, username: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { key: keys(username, "").user } });
}
