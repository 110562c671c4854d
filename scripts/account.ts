// Desk accounts from the command line, on the database in DATABASE_URL (migrated first):
//   npm run -s account -- add <username> --role admin|staff|deputy|viewer [--name 显示名] [--user-id <chat user id>]
//   npm run -s account -- list
// The password is read from MINYI_ACCOUNT_PASSWORD, or from the first line of stdin (never from the
// command line, where it would stay in the shell's history and the process list).
import { createInterface } from "node:readline";
import { AccountRefused, createAccount } from "../src/desk/accounts/create-account.ts";
import { createDatabase } from "../src/infra/db/create-database.ts";
import { parseDatabaseUrl } from "../src/infra/db/database-url.ts";
import { migrate } from "../src/infra/db/migrate.ts";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function readPassword(): Promise<string> {
  if (process.env.MINYI_ACCOUNT_PASSWORD) return process.env.MINYI_ACCOUNT_PASSWORD;
  process.stderr.write("password: ");
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  const target = parseDatabaseUrl(process.env.DATABASE_URL ?? "file:./data/minyi.db");
  await migrate(target);
  const db = createDatabase(target);
  try {
    if (command === "list") {
      const rows = await db.account.findMany({ orderBy: { id: "asc" } });
      for (const a of rows)
        console.log(
          JSON.stringify({
            username: a.username,
            name: a.displayName,
            role: a.role,
            userId: a.platformUserId,
            disabled: Boolean(a.disabledAt),
          }),
        );
      return 0;
    }
    if (command === "add" && args[0] && !args[0].startsWith("--")) {
      const created = await createAccount(
        db,
        {
          username: args[0],
          role: option(args, "--role") ?? "staff",
          displayName: option(args, "--name"),
          platformUserId: option(args, "--user-id"),
          password: await readPassword(),
        },
        new Date(),
      );
      console.log(JSON.stringify({ created: args[0], id: created.id, role: created.role }));
      return 0;
    }
    console.error(
      "usage: npm run -s account -- add <username> --role admin|staff|deputy|viewer [--name 显示名] [--user-id <id>]\n       npm run -s account -- list",
    );
    return 2;
  } catch (err) {
    if (err instanceof AccountRefused) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
