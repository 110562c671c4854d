// Quiet hours (免打扰时段): Shanghai wall-clock hours in which overdue nudges wait for the morning.
// "21:00-08:00" wraps midnight; "off" means none. Urgent replies are answers, not pushes: never held.
import { shanghaiMinuteOfDay } from "./shanghai-time.ts";

export interface QuietHours {
  /** Minutes after Shanghai midnight. */
  from: number;
  to: number;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** "21:00-08:00" → the span; "off" → null. The format is checked by the config schema. */
export function parseQuietHours(spec: string): QuietHours | null {
  if (spec === "off") return null;
  const [from, to] = spec.split("-") as [string, string];
  return { from: minutesOf(from), to: minutesOf(to) };
}

export function inQuietHours(q: QuietHours | null, at: Date): boolean {
  if (!q || q.from === q.to) return false;
  const minute = shanghaiMinuteOfDay(at);
  return q.from < q.to ? minute >= q.from && minute < q.to : minute >= q.from || minute < q.to;
}
