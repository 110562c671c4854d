// The Prisma client on PostgreSQL (through pg). `onConnectionError` hears about connections lost while
// idle; the pool replaces them.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/postgres/client.ts";

export function postgresClient(url: string, onConnectionError: (err: Error) => void): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url }, { onPoolError: onConnectionError, onConnectionError });
  return new PrismaClient({ adapter });
}
