// Asia/Shanghai wall-clock helpers. China has had no daylight saving since 1991, so the offset is a
// constant +08:00 and plain arithmetic on it is exact.
const OFFSET_MS = 8 * 3600_000;

/** The Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a Shanghai wall-clock time on a date: shanghaiInstant("2026-12-10", "09:00"). */
export function shanghaiInstant(date: string, time = "00:00"): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Minutes after Shanghai midnight, 0–1439. */
export function shanghaiMinuteOfDay(at: Date): number {
  return Math.floor(((at.getTime() + OFFSET_MS) % 86_400_000) / 60_000);
}

/** "12月10日" for a YYYY-MM-DD date. */
export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** "11月22日 17:30" for messages residents read. */
export function formatShanghai(at: Date): string {
  const s = new Date(at.getTime() + OFFSET_MS).toISOString();
  return `${monthDay(s.slice(0, 10))} ${s.slice(11, 16)}`;
}

/** The Shanghai calendar month containing `at`: its first instant, and the first instant of the next. */
export function shanghaiMonth(at: Date): { start: Date; end: Date } {
  const [year, month] = shanghaiDate(at).split("-").map(Number) as [number, number];
  const first = (y: number, m: number) => shanghaiInstant(new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10));
  return { start: first(year, month), end: first(year, month + 1) };
}
