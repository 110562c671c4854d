// API tokens for the district's systems: "minyi_" and 32 random bytes, shown once when made; only the SHA-256
// is kept. Revoking one stops it at once on every replica (it is looked up on each call).
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../infra/db/create-database.ts";
import type { ApiScope } from "./api-scopes.ts";

export const API_TOKEN_PREFIX = "minyi_";

export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function makeApiToken(
  db: Db,
  t: { name: string; scopes: ApiScope[]; createdBy: string },
  at: Date,
): Promise<{ id: number; token: string }> {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.apiToken.create({
    data: {
      name: t.name,
      tokenHash: hashApiToken(token),
      scopes: t.scopes.join(","),
      createdBy: t.createdBy,
      createdAt: at,
    },
  });
  return { id: row.id, token };
}
