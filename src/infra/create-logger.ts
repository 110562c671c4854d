// pino: JSON lines on stdout (or a given stream). Stdout is written asynchronously (sonic-boom batches
// writes while the process is busy): a synchronous write per request cost ~13% of the ingest path's
// CPU. The price is that the last few lines may be missing after a kill -9; data never is (it is in
// the database before any answer).
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: "minyi" } };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
