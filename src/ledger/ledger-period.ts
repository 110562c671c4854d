// A ledger period as written in the API: a month "2026-12", a quarter "2026-Q4", a year "2026"; in Shanghai
// days, as the committee counts them.
import { shanghaiInstant } from "../infra/shanghai-time.ts";

export interface LedgerPeriod {
  label: string;
  /** Shanghai dates, inclusive. */
  firstDay: string;
  lastDay: string;
  from: Date;
  /** exclusive */
  to: Date;
  /** The months it spans, "YYYY-MM", for the one-opinion-a-month tracker. */
  months: string[];
}

const pad = (n: number) => String(n).padStart(2, "0");

export function parseLedgerPeriod(value: string): LedgerPeriod | null {
  let year: number, firstMonth: number, count: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(value)) && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    [year, firstMonth, count] = [Number(m[1]), Number(m[2]), 1];
  else if ((m = /^(\d{4})-Q([1-4])$/.exec(value)))
    [year, firstMonth, count] = [Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3];
  else if ((m = /^(\d{4})$/.exec(value))) [year, firstMonth, count] = [Number(m[1]), 1, 12];
  else return null;
  const months = Array.from({ length: count }, (_, i) => `${year}-${pad(firstMonth + i)}`);
  const endYear = firstMonth + count > 12 ? year + 1 : year;
  const endMonth = ((firstMonth + count - 1) % 12) + 1;
  const firstDay = `${months[0]}-01`;
  const next = `${endYear}-${pad(endMonth)}-01`;
  const last = new Date(Date.UTC(endYear, endMonth - 1, 0)).toISOString().slice(0, 10);
  return { label: value, firstDay, lastDay: last, from: shanghaiInstant(firstDay), to: shanghaiInstant(next), months };
}
