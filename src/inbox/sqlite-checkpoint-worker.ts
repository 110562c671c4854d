// Runs in a worker thread (start-sqlite-checkpointer.ts): copies the WAL back into the database file on its
// own connection, so that neither the copy nor its fsyncs happen inside an acknowledgement's commit on the
// event loop. A PASSIVE checkpoint never waits for the writer and never makes it wait; whatever it could
// not copy this time it copies next time.
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";

const { file, synchronous, intervalMs } = workerData as {
  file: string;
  synchronous: "NORMAL" | "FULL";
  intervalMs: number;
};
const db = new Database(file, { timeout: 1_000 }); // waiting blocks only this thread
db.pragma(`synchronous = ${synchronous}`);
db.pragma("wal_autocheckpoint = 0");

function checkpoint(): void {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (err) {
    parentPort!.postMessage({ error: String(err) }); // SQLITE_BUSY at worst; the next turn tries again
  }
}

const timer = setInterval(checkpoint, intervalMs);
parentPort!.on("message", (m: string) => {
  if (m !== "stop") return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort!.close();
});
