// The account CLI: creates a desk account whose password signs in, refuses a short password, lists accounts.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { verifyPassword } from "../../src/desk/accounts/password-hash.ts";
import { createDatabase } from "../../src/infra/db/create-database.ts";
import { parseDatabaseUrl } from "../../src/infra/db/database-url.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

it("adds an account whose password verifies, refuses a short password, and lists accounts", async () => {
  const url = `file:${join(mkdtempSync(join(tmpdir(), "minyi-account-")), "minyi.db")}`;
  const run = (args: string[], password: string) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/account.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, MINYI_ACCOUNT_PASSWORD: password },
      encoding: "utf8",
    });
  const added = run(["add", "liu.gw", "--role", "staff", "--name", "刘干事"], "a long enough password");
  expect(added.status).toBe(0);
  expect(JSON.parse(added.stdout)).toMatchObject({ created: "liu.gw", role: "staff" });
  const short = run(["add", "x2", "--role", "staff"], "short");
  expect(short.status).toBe(1);
  expect(short.stderr).toContain("至少需要 10 个字符");
  expect(run(["list"], "").stdout).toContain('"name":"刘干事"');

  const db = createDatabase(parseDatabaseUrl(url));
  const account = await db.account.findUniqueOrThrow({ where: { username: "liu.gw" } });
  await db.$disconnect();
  expect(await verifyPassword("a long enough password", account.passwordHash)).toBe(true);
  expect(await verifyPassword("another password", account.passwordHash)).toBe(false);
}, 60_000);
