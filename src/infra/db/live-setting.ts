// A setting that staff change on the desk and every replica follows without a restart: stored as JSON in
// the Setting table, read at start and again every `everyMs`; `apply` gets each new value (already
// validated with `schema`). A value that no longer validates is logged and ignored, so a replica keeps
// working with the last good one.
import type { z } from "zod";
import type { Db } from "./create-database.ts";
import type { Logger } from "../create-logger.ts";

export interface LiveSetting {
  /** Reads it now (after this replica wrote it, say) instead of at the next tick. */
  refresh(): Promise<void>;
  stop(): void;
}

export async function followSetting<T>(
  db: Db,
  log: Logger,
  key: string,
  schema: z.ZodType<T>,
  apply: (value: T) => void,
  everyMs = 10_000,
): Promise<LiveSetting> {
  let last: string | undefined;
  const refresh = async () => {
    const row = await db.setting.findUnique({ where: { key } });
    if (!row || row.value === last) return;
    last = row.value;
    const parsed = schema.safeParse(JSON.parse(row.value));
    if (!parsed.success)
      return void log.error({ key }, "setting in the database does not validate; kept the last good one");
    apply(parsed.data);
    log.info({ key }, "setting applied");
  };
  await refresh();
  const timer = setInterval(
    () => void refresh().catch((err) => log.warn({ key, err: (err as Error).message }, "setting not read")),
    everyMs,
  );
  timer.unref();
  return { refresh, stop: () => clearInterval(timer) };
}

export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db.setting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
}
