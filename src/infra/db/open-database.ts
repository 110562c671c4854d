// The service's way to open its database: like createDatabase (create-database.ts), loading only the client
// of the database in use.
import type { Db } from "./create-database.ts";
import type { DatabaseTarget } from "./database-url.ts";

export async function openDatabase(target: DatabaseTarget, onConnectionError: (err: Error) => void): Promise<Db> {
  if (target.kind === "sqlite") return (await import("./sqlite-client.ts")).sqliteClient(target.file);
  const { postgresClient } = await import("./postgres-client.ts");
  return postgresClient(target.url, onConnectionError) as unknown as Db;
}
