// Keeps the inbox writer's commits free of checkpoints. SQLite's automatic checkpoint runs inside the commit
// that crosses 1,000 WAL pages: on the event loop, with two fsyncs, while every acknowledgement in the batch
// waits (measured: README, bench:ingest). The writer's connection turns it off and this thread checkpoints
// instead, every `intervalMs`, on a connection of its own. Other connections (Prisma's) keep theirs: with
// the WAL kept short here, they seldom reach the threshold.
import { Worker } from "node:worker_threads";

/** The worker's file next to this one: through tsx from the sources (development, tests), compiled when built. */
const WORKER = new URL(
  import.meta.url.endsWith(".ts") ? "./sqlite-checkpoint-worker.dev.mjs" : "./sqlite-checkpoint-worker.js",
  import.meta.url,
);

export interface Checkpointer {
  /** Runs a last checkpoint, closes the thread's connection and ends the thread. */
  stop(): Promise<void>;
}

export function startSqliteCheckpointer(
  file: string,
  synchronous: "NORMAL" | "FULL",
  onError: (message: string) => void,
  intervalMs = 250,
): Checkpointer {
  const worker = new Worker(WORKER, { workerData: { file, synchronous, intervalMs } });
  worker.unref(); // never what keeps the process alive
  worker.on("message", (m: { error?: string }) => m.error && onError(m.error));
  worker.on("error", (err) => onError(err.message));
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async stop() {
      worker.ref(); // until it has exited: at shutdown it may be all that is left to wait for
      worker.postMessage("stop");
      await exited;
    },
  };
}
