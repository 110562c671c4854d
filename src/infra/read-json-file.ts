// A configuration file read once at start-up: JSON checked against its zod schema. A file that does not fit
// stops the start with every problem named by its path in the file ("tiers.urgent.assignWithin: …").
import { readFileSync } from "node:fs";
import type { z } from "zod";

export function readJsonFile<S extends z.ZodType>(path: string | URL, schema: S): z.output<S> {
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success)
    throw new Error(
      `${String(path)}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}
