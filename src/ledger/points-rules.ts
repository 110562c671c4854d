// The duty ledger's rules (履职积分), as data: config/duty-points.json, or MINYI_DUTY_POINTS_FILE. Each kind
// of activity earns its points per occurrence, capped per ledger period where a cap is set; a negative
// value is a deduction. Changing the file changes every ledger at the next start: points are derived.
import { z } from "zod";
import { readJsonFile } from "../infra/read-json-file.ts";

/** Kinds the bot counts by itself from what it records; every other kind is logged by staff. */
export const AUTOMATIC_KINDS = ["reception", "relay", "claim", "close", "satisfied_close"] as const;

const KindRule = z.object({
  label: z.string().min(1),
  points: z.number(),
  capPerPeriod: z.number().positive().optional(),
});

export const PointsRulesSchema = z.object({ kinds: z.record(z.string(), KindRule) }).superRefine((r, ctx) => {
  for (const k of AUTOMATIC_KINDS)
    if (!r.kinds[k])
      ctx.addIssue({ code: "custom", path: ["kinds", k], message: `the automatic kind ${k} needs a rule` });
});
export type PointsRules = z.infer<typeof PointsRulesSchema>;

export const DEFAULT_POINTS_FILE = new URL("../../config/duty-points.json", import.meta.url);

export function readPointsRules(path: string | URL): PointsRules {
  return readJsonFile(path, PointsRulesSchema);
}

/** The points `count` occurrences of a kind earn in one period. */
export function pointsFor(rules: PointsRules, kind: string, count: number): number {
  const rule = rules.kinds[kind];
  if (!rule) return 0;
  const raw = rule.points * count;
  return rule.capPerPeriod !== undefined && raw > rule.capPerPeriod ? rule.capPerPeriod : raw;
}
