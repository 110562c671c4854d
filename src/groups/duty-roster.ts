// Who is on duty on a reception day: the date's override if admins set one, else the next `perDay`
// deputies of the roster in rotation, counted from the day's ordinal, so the rotation is the same on
// every replica and after every restart, and moves on by itself month after month.
import type { ReceptionDate } from "./reception-days.ts";
import type { ReceptionRule } from "./reception-rule.ts";

export function onDuty(rule: Pick<ReceptionRule, "roster" | "perDay" | "dutyOverrides">, day: ReceptionDate): string[] {
  const override = rule.dutyOverrides[day.date] ?? rule.dutyOverrides[day.nominal];
  if (override) return override;
  const n = rule.roster.length;
  if (n === 0) return [];
  const count = Math.min(rule.perDay, n);
  const start = (day.ordinal * count) % n;
  return Array.from({ length: count }, (_, i) => rule.roster[(start + i) % n]!);
}
