// pino: JSON lines on stdout (or a given stream), fast enough to leave on in the request path.
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino({ level, base: { service: "minyi" } }, destination) : pino({ level, base: { service: "minyi" } });
}
