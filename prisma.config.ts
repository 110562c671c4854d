// Prisma CLI configuration. The JS engine keeps `prisma generate` (and the CLI's schema tooling)
// free of any binary download, which neither these machines nor most government intranets allow.
// Pick the schema with PRISMA_SCHEMA_DIR=sqlite|postgres (default sqlite).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const dir = process.env.PRISMA_SCHEMA_DIR === "postgres" ? "postgres" : "sqlite";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: `prisma/${dir}/schema.prisma`,
  migrations: { path: `prisma/${dir}/migrations` },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (dir === "postgres") return new PrismaPg({ connectionString: url ?? "postgresql://127.0.0.1:5432/postgres" });
    return new PrismaBetterSQLite3({ url: url ?? "file:./data/minyi.db" });
  },
});
