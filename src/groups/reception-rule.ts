// A group's reception-day rule (人大代表接待日) as admins write it in the groups file, and as stored.
//   pattern  {"days":[10]} every 10th · {"days":[5,25]} the 5th and the 25th · {"nth":2,"weekday":3}
//            the second Wednesday · {"nth":-1,"weekday":5} the last Friday (weekday 1 = Monday … 7 = Sunday).
//            A day past the month's end (31 in November) means the month's last day.
//   time     "09:00-11:30", Asia/Shanghai
//   holidayPolicy  a day that falls on a weekend or public holiday is kept, or moved to the next working day
//   roster   deputies' user ids in rotation order; `perDay` of them are on duty each reception day
//   duty     {"2026-12-10": ["userA"]}: who is on duty on a date, overriding the rotation
import { z } from "zod";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ReceptionPatternSchema = z.union([
  z.object({ days: z.array(z.number().int().min(1).max(31)).min(1) }).strict(),
  z
    .object({ nth: z.union([z.number().int().min(1).max(5), z.literal(-1)]), weekday: z.number().int().min(1).max(7) })
    .strict(),
]);
export type ReceptionPattern = z.infer<typeof ReceptionPatternSchema>;

export const HolidayPolicySchema = z.enum(["keep", "next_working_day"]);
export type HolidayPolicy = z.infer<typeof HolidayPolicySchema>;

export const ReceptionSeedSchema = z.object({
  pattern: ReceptionPatternSchema,
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'time is "HH:MM-HH:MM", e.g. "09:00-11:30"'),
  place: z.string().min(1),
  holidayPolicy: HolidayPolicySchema.default("next_working_day"),
  roster: z.array(z.string().min(1)).default([]),
  perDay: z.number().int().min(1).default(1),
  duty: z.record(z.string().regex(DATE, "duty dates are YYYY-MM-DD"), z.array(z.string().min(1))).default({}),
});
export type ReceptionSeed = z.infer<typeof ReceptionSeedSchema>;

/** The rule as the schedules use it (parsed from the ReceptionRule row). */
export interface ReceptionRule {
  groupId: number;
  pattern: ReceptionPattern;
  startTime: string;
  endTime: string;
  place: string;
  holidayPolicy: HolidayPolicy;
  roster: string[];
  perDay: number;
  dutyOverrides: Record<string, string[]>;
}

export function parseReceptionRow(row: {
  groupId: number;
  pattern: string;
  startTime: string;
  endTime: string;
  place: string;
  holidayPolicy: string;
  roster: string;
  perDay: number;
  dutyOverrides: string;
}): ReceptionRule {
  return {
    groupId: row.groupId,
    pattern: ReceptionPatternSchema.parse(JSON.parse(row.pattern)),
    startTime: row.startTime,
    endTime: row.endTime,
    place: row.place,
    holidayPolicy: HolidayPolicySchema.parse(row.holidayPolicy),
    roster: z.array(z.string()).parse(JSON.parse(row.roster)),
    perDay: row.perDay,
    dutyOverrides: z.record(z.string(), z.array(z.string())).parse(JSON.parse(row.dutyOverrides)),
  };
}

/** The row to store for a seed from the groups file. */
export function receptionRow(seed: ReceptionSeed) {
  const [startTime, endTime] = seed.time.split("-") as [string, string];
  return {
    pattern: JSON.stringify(seed.pattern),
    startTime,
    endTime,
    place: seed.place,
    holidayPolicy: seed.holidayPolicy,
    roster: JSON.stringify(seed.roster),
    perDay: seed.perDay,
    dutyOverrides: JSON.stringify(seed.duty),
  };
}
