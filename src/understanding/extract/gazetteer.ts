// A group's known places (from the groups file): names and their aliases, found in messages as written and
// reported under their name ("幸福里" → 幸福小区).
import { z } from "zod";

export const GazetteerSchema = z
  .array(
    z.union([
      z.string().min(1),
      z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).default([]) }),
    ]),
  )
  .default([]);

export type GazetteerSeed = z.infer<typeof GazetteerSchema>;

export interface Gazetteer {
  /** Every name and alias, longest first. */
  names: readonly string[];
  /** alias (or name) → name */
  nameOf: ReadonlyMap<string, string>;
}

export const EMPTY_GAZETTEER: Gazetteer = { names: [], nameOf: new Map() };

export function gazetteerOf(seed: GazetteerSeed): Gazetteer {
  const nameOf = new Map<string, string>();
  for (const entry of seed) {
    const { name, aliases } = typeof entry === "string" ? { name: entry, aliases: [] } : entry;
    nameOf.set(name, name);
    for (const a of aliases) nameOf.set(a, name);
  }
  return { names: [...nameOf.keys()].sort((a, b) => b.length - a.length), nameOf };
}

/** The gazetteer stored on a group (Group.places, JSON); an unreadable one is empty. */
export function parseGazetteer(json: string | null | undefined): Gazetteer {
  try {
    return gazetteerOf(GazetteerSchema.parse(JSON.parse(json ?? "[]")));
  } catch {
    return EMPTY_GAZETTEER;
  }
}
