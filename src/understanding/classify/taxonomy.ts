// The two-level category tree (assets/taxonomy.json by default). Data, not code: admins edit the file.
import { readFileSync } from "node:fs";
import { z } from "zod";

const TaxonomySchema = z.object({
  nonIssueLabel: z.string().min(1),
  categories: z.array(z.object({ level1: z.string().min(1), level2: z.array(z.string().min(1)).min(1) })).min(1),
});

export interface Taxonomy {
  nonIssueLabel: string;
  /** level2 → level1 */
  parentOf: Map<string, string>;
}

export function parseTaxonomy(json: unknown): Taxonomy {
  const t = TaxonomySchema.parse(json);
  const parentOf = new Map<string, string>();
  for (const c of t.categories) {
    for (const l2 of c.level2) {
      if (parentOf.has(l2)) throw new Error(`taxonomy: level2 "${l2}" appears twice`);
      parentOf.set(l2, c.level1);
    }
  }
  return { nonIssueLabel: t.nonIssueLabel, parentOf };
}

export function readTaxonomy(path: string): Taxonomy {
  return parseTaxonomy(JSON.parse(readFileSync(path, "utf8")));
}
