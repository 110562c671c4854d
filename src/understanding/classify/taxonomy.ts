// The two-level category tree (assets/taxonomy.json by default). Data, not code: admins edit the file.
import { readFileSync } from "node:fs";
import { z } from "zod";

const TaxonomySchema = z.object({
  nonIssueLabel: z.string().min(1),
  categories: z.array(z.object({ level1: z.string().min(1), level2: z.array(z.string().min(1)).min(1) })).min(1),
  /** Decisive words, in order: the first pattern found in a message names its level2. */
  cues: z.array(z.object({ level2: z.string().min(1), pattern: z.string().min(1) })).default([]),
  /** The level2 categories that cannot be handled without knowing where (a lamp, a stairwell, a road). */
  placeNeeded: z.array(z.string().min(1)).default([]),
});

export interface Taxonomy {
  nonIssueLabel: string;
  /** level2 → level1 */
  parentOf: Map<string, string>;
  cues: ReadonlyArray<{ level2: string; pattern: RegExp }>;
  /** level2 categories for which the bot asks where, when a report names no place. */
  placeNeeded: ReadonlySet<string>;
}

/** The level2 the first decisive cue names, or null. */
export function cueCategory(taxonomy: Taxonomy, text: string): { level1: string; level2: string } | null {
  const hit = taxonomy.cues.find((c) => c.pattern.test(text));
  return hit ? { level1: taxonomy.parentOf.get(hit.level2)!, level2: hit.level2 } : null;
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
  const cues = t.cues.map((c, i) => {
    if (!parentOf.has(c.level2))
      throw new Error(`taxonomy: cue ${i} names level2 "${c.level2}", which no category lists`);
    try {
      return { level2: c.level2, pattern: new RegExp(c.pattern, "u") };
    } catch (err) {
      throw new Error(`taxonomy: cue ${i} (${c.level2}) is not a valid regular expression: ${(err as Error).message}`, {
        cause: err,
      });
    }
  });
  for (const l2 of t.placeNeeded)
    if (!parentOf.has(l2)) throw new Error(`taxonomy: placeNeeded names level2 "${l2}", which no category lists`);
  return { nonIssueLabel: t.nonIssueLabel, parentOf, cues, placeNeeded: new Set(t.placeNeeded) };
}

export function readTaxonomy(path: string): Taxonomy {
  return parseTaxonomy(JSON.parse(readFileSync(path, "utf8")));
}
