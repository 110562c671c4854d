// Writes the provider-specific Prisma schemas from prisma/models.prisma.
// Usage: npm run db:schemas   (then commit both outputs; test/prisma/schemas.test.ts checks for drift)
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderSchema, PROVIDERS } from "../src/infra/db/render-schema.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const models = readFileSync(`${root}prisma/models.prisma`, "utf8");
for (const provider of PROVIDERS) {
  writeFileSync(`${root}prisma/${provider.dir}/schema.prisma`, renderSchema(provider, models));
  console.log(`wrote prisma/${provider.dir}/schema.prisma`);
}
