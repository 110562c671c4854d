// What an operator watches, in Prometheus format (GET /metrics): each service has its own registry (several
// services can run in one process, as the tests do), with counters the workers increment and gauges read
// from the database at scrape time (so every replica reports the shared queues the same way).
// Label values are bounded: a route kind, a destination kind ("push", "staff", "wecom-bot" …, never a chat
// or user id), an errcode, a job name, a decision source.
import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";

export interface Metrics {
  registry: Registry;
  /** One per send attempt: outcome "sent", an errcode ("45009"), "network", "timeout" or "refused". */
  sends: Counter<"route_kind" | "destination_kind" | "outcome">;
  /** One per analysed matter: who decided its category ("danger", "keyword", "llm", "offline", "fallback"). */
  decisions: Counter<"source">;
  /** One per job run: "reception-notice", "weekly-digest", "overdue-nudges" … and "ok" or "failed". */
  jobRuns: Counter<"job" | "outcome">;
  /** A long connection's state per bot: 1 when connected. */
  connections: Gauge<"channel" | "bot">;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "minyi" });
  collectDefaultMetrics({ register: registry, prefix: "minyi_process_" });
  return {
    registry,
    sends: new Counter({
      name: "minyi_sends_total",
      help: "Send attempts to the platforms, by route kind, destination kind and outcome (sent or errcode)",
      labelNames: ["route_kind", "destination_kind", "outcome"],
      registers: [registry],
    }),
    decisions: new Counter({
      name: "minyi_classifier_decisions_total",
      help: "Matters analysed, by what decided their category",
      labelNames: ["source"],
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: "minyi_job_runs_total",
      help: "Scheduled job passes, by job and outcome",
      labelNames: ["job", "outcome"],
      registers: [registry],
    }),
    connections: new Gauge({
      name: "minyi_connection_up",
      help: "Long connections to the platforms, 1 when connected",
      labelNames: ["channel", "bot"],
      registers: [registry],
    }),
  };
}

/** "push:group:3" → "push"; "wecom-bot:CHATID" → "wecom-bot": the kind, never the id. */
export function destinationKind(destination: string): string {
  return destination.split(":")[0] ?? "unknown";
}

export interface QueueReadings {
  inbox: Record<string, number>;
  outbox: Record<string, number>;
  /** Seconds the oldest row still waiting has waited, 0 when none. */
  inboxOldestSeconds: number;
  outboxOldestSeconds: number;
}

/** Queue depth and age, read from the database when Prometheus scrapes. */
export function registerQueueGauges(metrics: Metrics, read: () => Promise<QueueReadings>): void {
  let last: Promise<QueueReadings> | null = null;
  // One read per scrape serves all four gauges.
  const reading = () => (last ??= read().finally(() => setTimeout(() => (last = null), 0)));
  const byStatus = (name: string, help: string, pick: (r: QueueReadings) => Record<string, number>) =>
    new Gauge({
      name,
      help,
      labelNames: ["status"],
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const [status, n] of Object.entries(pick(await reading()))) this.set({ status }, n);
      },
    });
  const age = (name: string, help: string, pick: (r: QueueReadings) => number) =>
    new Gauge({
      name,
      help,
      registers: [metrics.registry],
      async collect() {
        this.set(pick(await reading()));
      },
    });
  byStatus("minyi_inbox_messages", "Inbound messages by status (pending, processing, done, failed)", (r) => r.inbox);
  byStatus("minyi_outbox_messages", "Outbound messages by status (pending, sending, sent, parked)", (r) => r.outbox);
  age(
    "minyi_inbox_oldest_waiting_seconds",
    "Age of the oldest inbound message not yet handled",
    (r) => r.inboxOldestSeconds,
  );
  age(
    "minyi_outbox_oldest_waiting_seconds",
    "Age of the oldest outbound message not yet sent",
    (r) => r.outboxOldestSeconds,
  );
}
