// Deadlines (SLA) for a ticket: which tier it falls in, and when it must be assigned and answered.
// The policy is data (config/sla.json, or MINYI_SLA_FILE); working days come from the business calendar.
import { z } from "zod";
import { readJsonFile } from "../infra/read-json-file.ts";
import type { BusinessCalendar } from "../infra/business-calendar.ts";
import { addDays, shanghaiDate, shanghaiInstant } from "../infra/shanghai-time.ts";

const DurationSchema = z.union([
  z.object({ hours: z.number().positive() }).strict(),
  z.object({ workingDays: z.number().int().positive() }).strict(),
]);
const TierSchema = z.object({ assignWithin: DurationSchema, feedbackWithin: DurationSchema });

export const SlaPolicySchema = z.object({
  dayEndsAt: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .default("18:00"),
  tiers: z.object({ urgent: TierSchema, ordinary: TierSchema, complex: TierSchema }),
  complexCategories: z.array(z.string()).default([]),
});

export type SlaPolicy = z.infer<typeof SlaPolicySchema>;
export type SlaTier = keyof SlaPolicy["tiers"];
type Duration = z.infer<typeof DurationSchema>;

export const DEFAULT_SLA_FILE = new URL("../../config/sla.json", import.meta.url);

export function readSlaPolicy(path: string | URL): SlaPolicy {
  return readJsonFile(path, SlaPolicySchema);
}

export function slaTierOf(policy: SlaPolicy, ticket: { urgency: string; categoryL2: string }): SlaTier {
  if (ticket.urgency === "immediate") return "urgent";
  return policy.complexCategories.includes(ticket.categoryL2) ? "complex" : "ordinary";
}

/** `from` plus a duration. Working days count from the day after `from`, skipping days off. */
export function addDuration(policy: SlaPolicy, calendar: BusinessCalendar, from: Date, d: Duration): Date {
  if ("hours" in d) return new Date(from.getTime() + d.hours * 3600_000);
  let date = shanghaiDate(from);
  for (let left = d.workingDays; left > 0;) {
    date = addDays(date, 1);
    if (calendar.isWorkingDay(date)) left--;
  }
  return shanghaiInstant(date, policy.dayEndsAt);
}

export interface Deadlines {
  slaTier: SlaTier;
  assignDueAt: Date;
  feedbackDueAt: Date;
  /** New deadlines owe new nudges. */
  assignNudgedAt: null;
  feedbackNudgedAt: null;
}

export function deadlinesFor(
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  ticket: { urgency: string; categoryL2: string },
  from: Date,
): Deadlines {
  const slaTier = slaTierOf(policy, ticket);
  const tier = policy.tiers[slaTier];
  return {
    slaTier,
    assignDueAt: addDuration(policy, calendar, from, tier.assignWithin),
    feedbackDueAt: addDuration(policy, calendar, from, tier.feedbackWithin),
    assignNudgedAt: null,
    feedbackNudgedAt: null,
  };
}
