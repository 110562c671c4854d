// The composition root: the only place that constructs things and wires them together.
// `npm start` runs this file; tests, the demo and the benchmarks call startService() with their own
// config, clock and fetch.
import { pathToFileURL } from "node:url";
import type Router from "@koa/router";
import { ConfigError, loadConfig, type Config } from "./config/load-config.ts";
import { createDatabase, type Db } from "./db/create-database.ts";
import { parseDatabaseUrl } from "./db/database-url.ts";
import { migrate } from "./db/migrate.ts";
import { readGroupsFile, upsertGroups } from "./groups/seed-groups.ts";
import { createApp } from "./http/create-app.ts";
import { serve, type Listening } from "./http/serve.ts";
import { mountAdminApi } from "./admin/mount-admin-api.ts";
import { createInboxWorker } from "./inbox/create-inbox-worker.ts";
import { createIntake } from "./inbox/create-intake.ts";
import { createInboxWriter } from "./inbox/create-inbox-writer.ts";
import { createLogger, type Logger } from "./log/create-logger.ts";
import { createDeliverer } from "./outbound/create-deliverer.ts";
import type { FetchLike } from "./outbound/post-json.ts";
import { createOutboxWorker } from "./outbox/create-outbox-worker.ts";
import { mountDingtalkCallback } from "./platforms/dingtalk/mount-callback.ts";
import type { RouteDeps } from "./platforms/route-deps.ts";
import { mountAppCallback } from "./platforms/wecom/mount-app-callback.ts";
import { mountBotCallback } from "./platforms/wecom/mount-bot-callback.ts";
import { createBusinessCalendar, readCalendarOverrides } from "./calendar/business-calendar.ts";
import { createJobsLoop } from "./jobs/create-jobs-loop.ts";
import { createCronTrigger } from "./schedules/create-cron-trigger.ts";
import type { ScheduledTask } from "node-cron";
import type { ClosedLoopSettings } from "./pipeline/closed-loop-settings.ts";
import { DEFAULT_SLA_FILE, readSlaPolicy } from "./sla/sla-policy.ts";
import type { Classifier } from "./understanding/classifier.ts";
import { loadCorrections } from "./understanding/load-corrections.ts";
import { LearningClassifier } from "./understanding/learning-classifier.ts";
import { readExamples } from "./understanding/labeled-examples.ts";
import { LlmClassifier } from "./understanding/llm-classifier.ts";
import { DEFAULT_REQUEST_TYPE_FILE, DEFAULT_TAXONOMY_FILE, DEFAULT_TRAINING_FILE, OfflineClassifier } from "./understanding/offline-classifier.ts";
import { readTaxonomy } from "./understanding/taxonomy.ts";

export interface ServiceOverrides {
  now?: () => Date;
  fetchImpl?: FetchLike;
  log?: Logger;
  classifier?: Classifier;
}

export interface RunningService {
  db: Db;
  /** Base URL of the HTTP server, e.g. http://127.0.0.1:41234 (undefined when role = worker). */
  url: string | undefined;
  /** Base URL of the admin API's own listener (MINYI_ADMIN_LISTEN); undefined when it shares `url`. */
  adminUrl: string | undefined;
  livePlatforms: string[];
  stop(): Promise<void>;
}

export async function startService(config: Config, overrides: ServiceOverrides = {}): Promise<RunningService> {
  const log = overrides.log ?? createLogger(config.logLevel);
  const now = overrides.now ?? (() => new Date());
  const target = parseDatabaseUrl(config.databaseUrl);

  const applied = await migrate(target);
  if (applied.length > 0) log.info({ applied }, "database migrated");
  const onConnectionError = (err: Error) => log.warn({ err: err.message }, "database connection lost; the pool reconnects");
  const db = createDatabase(target, onConnectionError);
  // Prisma's SQLite connection is one per client; give it the same durability as the intake's.
  if (target.kind === "sqlite") await db.$executeRawUnsafe(`PRAGMA synchronous = ${config.sqliteSynchronous}`);
  const inboxWriter = createInboxWriter(target, config.sqliteSynchronous, onConnectionError);
  if (config.groupsFile) await upsertGroups(db, readGroupsFile(config.groupsFile, config.replyOrigins), now());

  const taxonomy = readTaxonomy(DEFAULT_TAXONOMY_FILE);
  const shipped = readExamples(DEFAULT_TRAINING_FILE);
  const requestTypes = readExamples(DEFAULT_REQUEST_TYPE_FILE);
  const offline = new LearningClassifier(
    (corrections) => new OfflineClassifier(taxonomy, [...shipped, ...corrections], requestTypes),
    () => loadCorrections(db, taxonomy),
    () => db.trainingExample.count(),
    log,
  );
  await offline.refresh();
  const classifier = overrides.classifier ?? (config.llm ? new LlmClassifier(config.llm, taxonomy, offline, log) : offline);
  const loop: ClosedLoopSettings = {
    taxonomy,
    sla: readSlaPolicy(config.slaFile ?? DEFAULT_SLA_FILE),
    calendar: createBusinessCalendar(config.holidaysFile ? readCalendarOverrides(config.holidaysFile) : undefined),
    relatedWindowDays: config.relatedWindowDays,
    onCorrection: () => void offline.refresh().catch((err) => log.error({ err }, "retraining failed")),
  };
  const deliver = createDeliverer({
    wecomApp: config.wecomApp && { baseUrl: config.wecomApiBaseUrl, corpId: config.wecomApp.corpId, secret: config.wecomApp.secret, agentId: config.wecomApp.agentId },
    dingtalkApp: config.dingtalk && { baseUrl: config.dingtalk.apiBaseUrl, appKey: config.dingtalk.appKey, appSecret: config.dingtalk.appSecret },
    now,
    timeoutMs: config.sendTimeoutMs,
    replyOrigins: config.replyOrigins,
    ...(overrides.fetchImpl ? { fetchImpl: overrides.fetchImpl } : {}),
  });

  const runWorkers = config.role !== "web";
  const outboxWorker = createOutboxWorker({ db, deliver, now, log, leaseMs: config.leaseMs, pollMs: config.pollMs, rateLimit: { perMinute: config.sendPerMinute }, concurrency: config.sendConcurrency, giveUpMs: config.sendGiveUpMs });
  const inboxWorker = createInboxWorker({
    db, classifier, now, log, leaseMs: config.leaseMs, pollMs: config.pollMs, reviewThreshold: config.reviewThreshold, loop,
    onProcessed: () => outboxWorker.wake(),
  });
  const jobs = createJobsLoop({ db, now, log, pollMs: config.jobsPollMs, calendar: loop.calendar, classifier: offline, onQueued: () => outboxWorker.wake() });
  let cronTrigger: ScheduledTask | undefined;
  const intake = createIntake(db, inboxWriter, now);
  if (runWorkers) {
    intake.onStored(() => inboxWorker.wake());
    inboxWorker.start();
    outboxWorker.start();
    jobs.start();
    cronTrigger = createCronTrigger(() => jobs.wake());
  }

  const livePlatforms: string[] = [];
  const routeDeps: RouteDeps = { intake, now, replyOrigins: config.replyOrigins };
  const mount = (router: Router) => {
    if (config.wecomBot) {
      mountBotCallback(router, config.wecomBot, routeDeps);
      livePlatforms.push("wecom-bot");
    }
    if (config.wecomApp) {
      mountAppCallback(router, config.wecomApp, routeDeps);
      livePlatforms.push("wecom-app");
    }
    if (config.dingtalk) {
      mountDingtalkCallback(router, config.dingtalk.appSecret, routeDeps);
      livePlatforms.push("dingtalk");
    }
    if (config.adminToken && !config.adminListen) mountAdmin(router);
  };
  const mountAdmin = (router: Router) =>
    mountAdminApi(router, { db, token: config.adminToken!, now, onRetry: () => outboxWorker.wake(), onInboxRetry: () => inboxWorker.wake() });
  const healthCheck = async () => void (await db.$queryRaw`SELECT 1`);

  const listeners: Listening[] = [];
  if (config.role !== "worker") {
    const app = createApp({ log, mount, healthCheck });
    listeners.push(await serve(app, { host: config.host, port: config.port, requestTimeoutMs: config.requestTimeoutMs, log }));
  }
  // MINYI_ADMIN_LISTEN: the admin API on its own address (e.g. loopback only), not on the public port.
  let adminUrl: string | undefined;
  if (config.adminToken && config.adminListen) {
    const adminApp = createApp({ log, mount: mountAdmin, healthCheck });
    const admin = await serve(adminApp, { ...config.adminListen, requestTimeoutMs: config.requestTimeoutMs, log });
    listeners.push(admin);
    adminUrl = admin.url;
  }
  const url = config.role !== "worker" ? listeners[0]!.url : undefined;
  log.info(
    { url, adminUrl, role: config.role, database: target.kind, platforms: livePlatforms.length ? livePlatforms : "none (set WECOM_* / DINGTALK_* variables)", classifier: classifier.name },
    "minyi started",
  );

  let stopping: Promise<void> | undefined;
  return {
    db,
    url,
    adminUrl,
    livePlatforms,
    /** Stops serving and working, and closes the database; calling it again waits for the same stop. */
    stop() {
      stopping ??= (async () => {
        await Promise.all(listeners.map((l) => l.close()));
        await cronTrigger?.destroy();
        await Promise.all([inboxWorker.stop(), outboxWorker.stop(), jobs.stop()]);
        await inboxWriter.close();
        await db.$disconnect();
      })();
      return stopping;
    },
  };
}

async function runFromEnvironment(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const service = await startService(config);
  const shutdown = () => {
    service.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runFromEnvironment().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
