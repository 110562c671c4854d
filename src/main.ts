// The composition root: the only place that constructs things and wires them together.
// `npm start` runs this file; tests, the demo and the benchmarks call startService() with their own
// config, clock and fetch.
import { pathToFileURL } from "node:url";
import type Router from "@koa/router";
import type { ScheduledTask } from "node-cron";
import { CHANNELS } from "./channels/all-channels.ts";
import type { InboundDeps } from "./channels/channel.ts";
import type { ClosedLoopSettings } from "./conversation/closed-loop-settings.ts";
import type { PipelineDeps } from "./conversation/message-context.ts";
import { processInboxMessage } from "./conversation/process-inbox-message.ts";
import { mountAdminApi } from "./desk/admin-api.ts";
import { ensureFirstAdmin } from "./desk/accounts/create-account.ts";
import { mountDesk } from "./desk/mount-desk.ts";
import { createWebhookSender } from "./desk/webhooks/send-webhook.ts";
import { WEBHOOK_ROUTE } from "./tickets/ticket-webhooks.ts";
import { importGroupsFileIfChanged } from "./groups/seed-groups.ts";
import { createInboxWorker } from "./inbox/create-inbox-worker.ts";
import { createInboxWriter } from "./inbox/create-inbox-writer.ts";
import { createIntake } from "./inbox/create-intake.ts";
import {
  CalendarOverridesSchema,
  createBusinessCalendar,
  readCalendarOverrides,
  swappableCalendar,
  type BusinessCalendar,
  type CalendarOverrides,
} from "./infra/business-calendar.ts";
import { followSetting } from "./infra/db/live-setting.ts";
import { HOLIDAYS_SETTING, POINTS_SETTING, SLA_SETTING } from "./desk/api/mount-settings-api.ts";
import { createLogger, type Logger } from "./infra/create-logger.ts";
import type { Db } from "./infra/db/create-database.ts";
import { openDatabase } from "./infra/db/open-database.ts";
import { parseDatabaseUrl } from "./infra/db/database-url.ts";
import { migrate } from "./infra/db/migrate.ts";
import { createApp } from "./infra/http-app.ts";
import { serve, type Listening } from "./infra/http-serve.ts";
import { explainStartFailure } from "./infra/explain-start-failure.ts";
import { ConfigError, loadConfig, type Config } from "./infra/load-config.ts";
import { withTimeout, type FetchLike } from "./outbox/call-platform.ts";
import { createDeliverer } from "./outbox/create-deliverer.ts";
import { createOutboxWorker } from "./outbox/create-outbox-worker.ts";
import { createCronTrigger } from "./scheduled/create-cron-trigger.ts";
import { createMetrics, registerQueueGauges } from "./infra/metrics.ts";
import { readQueues } from "./infra/db/queue-readings.ts";
import { checkReadiness } from "./infra/db/readiness.ts";
import { createJobsLoop, runJobsOnce, type JobsDeps } from "./scheduled/create-jobs-loop.ts";
import { DEFAULT_SLA_FILE, readSlaPolicy, SlaPolicySchema } from "./tickets/sla-policy.ts";
import { buildClassifier } from "./understanding/classify/build-classifier.ts";
import type { Classifier } from "./understanding/classify/classifier.ts";
import { LiveConnections } from "./channels/live-connections.ts";
import { DEFAULT_POINTS_FILE, PointsRulesSchema, readPointsRules } from "./ledger/points-rules.ts";
import { DEFAULT_PROPOSAL_TEXTS_FILE, readProposalTexts } from "./proposals/proposal-texts.ts";

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
  /** Runs every scheduled job once now, on the service's clock (the replay steps its clock with it). */
  runJobs(): Promise<void>;
  /** The working-day calendar the service uses (official holidays and the desk's overrides). */
  calendar: BusinessCalendar;
  /** Stops; says what was left for the next start (the rows stay in the database, nothing is lost). */
  stop(): Promise<StopSummary>;
}

export interface StopSummary {
  /** Inbound messages acknowledged but not yet handled. */
  inboxLeft: number;
  /** Outbound messages not yet sent (waiting for their time, a back-off or the rate limit). */
  outboxLeft: number;
}

export async function startService(config: Config, overrides: ServiceOverrides = {}): Promise<RunningService> {
  const log = overrides.log ?? createLogger(config.logLevel);
  const now = overrides.now ?? (() => new Date());
  const target = parseDatabaseUrl(config.databaseUrl);

  const applied = await migrate(target);
  if (applied.length > 0) log.info({ applied }, "database migrated");
  const onConnectionError = (err: Error) =>
    log.warn({ err: err.message }, "database connection lost; the pool reconnects");
  const db = await openDatabase(target, onConnectionError);
  // Prisma's SQLite connection is one per client; give it the same durability as the intake's.
  if (target.kind === "sqlite") await db.$executeRawUnsafe(`PRAGMA synchronous = ${config.sqliteSynchronous}`);
  const inboxWriter = await createInboxWriter(target, config.sqliteSynchronous, {
    onConnectionError,
    onCheckpointError: (message) => log.warn({ err: message }, "WAL checkpoint failed; the next one tries again"),
  });
  const routeRules = {
    replyOrigins: config.replyOrigins,
    pushRoutes: Object.assign({}, ...CHANNELS.map((c) => c.pushRoutes)),
    directRoutes: Object.assign({}, ...CHANNELS.map((c) => c.directRoutes)),
  };
  if (config.groupsFile) {
    const imported = await importGroupsFileIfChanged(db, config.groupsFile, routeRules, now());
    log.info(
      { groupsFile: config.groupsFile, imported },
      imported
        ? "groups file imported"
        : "groups file unchanged since its last import; changes made on the desk are kept",
    );
  }
  if (await ensureFirstAdmin(db, config.firstAdmin, now()))
    log.info({ username: config.firstAdmin!.username }, "desk: first admin account created");

  const live = new LiveConnections();
  const senderDeps = { config, now, live, fetch: withTimeout(overrides.fetchImpl ?? fetch, config.sendTimeoutMs) };
  const deliverer = createDeliverer({
    senders: {
      ...Object.assign({}, ...CHANNELS.map((c) => c.senders(senderDeps))),
      // Ticket events to the desk's webhook subscribers.
      [WEBHOOK_ROUTE]: createWebhookSender(db, senderDeps.fetch, now),
    },
    replyOrigins: config.replyOrigins,
  });
  const metrics = createMetrics();
  registerQueueGauges(metrics, () => readQueues(db, now()));
  const runWorkers = config.role !== "web";
  const outboxWorker = createOutboxWorker({
    db,
    deliverer,
    now,
    log,
    leaseMs: config.leaseMs,
    pollMs: config.pollMs,
    rateLimit: { perMinute: config.sendPerMinute },
    concurrency: config.sendConcurrency,
    giveUpMs: config.sendGiveUpMs,
    metrics,
  });
  // The inbox worker needs the classifier, which trains for a moment; the HTTP side does not (ack first,
  // work later), so it listens before: callbacks are stored meanwhile and worked once the worker starts.
  const started: { inboxWorker?: ReturnType<typeof createInboxWorker>; conversation?: PipelineDeps } = {};
  let workersStarted = false;
  const intake = createIntake(db, inboxWriter, now);

  // Holidays and the SLA come from their files, or from the desk once staff changed them there (followed by
  // every replica without a restart: src/infra/db/live-setting.ts).
  const fileOverrides = config.holidaysFile ? readCalendarOverrides(config.holidaysFile) : undefined;
  const calendarHolder = swappableCalendar(createBusinessCalendar(fileOverrides));
  const calendar = calendarHolder.calendar;
  let calendarOverrides: CalendarOverrides = fileOverrides ?? { holidays: [], workdays: [] };
  const holidaysSetting = await followSetting(
    db,
    log,
    HOLIDAYS_SETTING,
    CalendarOverridesSchema,
    (o) => {
      calendarOverrides = o;
      calendarHolder.swap(createBusinessCalendar(o));
    },
    config.settingsRefreshMs,
  );
  let slaPolicy = readSlaPolicy(config.slaFile ?? DEFAULT_SLA_FILE);
  const slaSetting = await followSetting(
    db,
    log,
    SLA_SETTING,
    SlaPolicySchema,
    (p) => (slaPolicy = p),
    config.settingsRefreshMs,
  );
  // The duty ledger's rules: the file until admins change them on the desk, then the database (every replica).
  let pointsRules = readPointsRules(config.dutyPointsFile ?? DEFAULT_POINTS_FILE);
  const pointsSetting = await followSetting(
    db,
    log,
    POINTS_SETTING,
    PointsRulesSchema,
    (r) => (pointsRules = r),
    config.settingsRefreshMs,
  );
  const proposalTexts = readProposalTexts(config.proposalTextsFile ?? DEFAULT_PROPOSAL_TEXTS_FILE);
  const livePlatforms: string[] = [];
  const inboundDeps: InboundDeps = { intake, now, replyOrigins: config.replyOrigins, config };
  const mount = (router: Router) => {
    for (const channel of CHANNELS) livePlatforms.push(...channel.mountInbound(router, inboundDeps));
    if (config.adminToken && !config.adminListen) mountAdmin(router);
    // The desk (page and /api/v1); its ticket actions wait for the conversation (the classifier trains first).
    mountDesk(router, {
      db,
      now,
      log,
      adminToken: config.adminToken,
      sessionMs: config.sessionMs,
      leaseMs: config.leaseMs,
      dbKind: target.kind,
      calendar,
      routeRules,
      get pointsRules() {
        return pointsRules;
      },
      texts: proposalTexts,
      llm: config.llm,
      settings: {
        sla: { current: () => slaPolicy, refresh: () => slaSetting.refresh() },
        holidays: { current: () => calendarOverrides, refresh: () => holidaysSetting.refresh() },
        points: { current: () => pointsRules, refresh: () => pointsSetting.refresh() },
      },
      pipeline: () => started.conversation,
      afterAction: () => outboxWorker.wake(),
      onOutboxRetry: () => outboxWorker.wake(),
      onInboxRetry: () => started.inboxWorker?.wake(),
    });
  };
  const mountAdmin = (router: Router) =>
    mountAdminApi(router, {
      db,
      token: config.adminToken!,
      now,
      onRetry: () => outboxWorker.wake(),
      onInboxRetry: () => started.inboxWorker?.wake(),
    });
  const healthCheck = async () => void (await db.$queryRaw`SELECT 1`);
  // Ready: every migration applied, and the workers running (not while the classifier still trains).
  const readyCheck = async () => {
    const state = await checkReadiness(db, target.kind);
    return { ...state, ready: state.ready && (workersStarted || !runWorkers), starting: !workersStarted && runWorkers };
  };

  const listeners: Listening[] = [];
  if (config.role !== "worker") {
    // /metrics on the admin listener when there is one (loopback, say), else on the main port.
    const app = createApp({
      log,
      mount,
      healthCheck,
      readyCheck,
      ...(config.adminListen ? {} : { metrics: metrics.registry }),
    });
    listeners.push(
      await serve(app, { host: config.host, port: config.port, requestTimeoutMs: config.requestTimeoutMs, log }),
    );
  }
  // MINYI_ADMIN_LISTEN: the admin API on its own address (e.g. loopback only), not on the public port.
  let adminUrl: string | undefined;
  if (config.adminToken && config.adminListen) {
    const adminApp = createApp({ log, mount: mountAdmin, healthCheck, readyCheck, metrics: metrics.registry });
    const admin = await serve(adminApp, { ...config.adminListen, requestTimeoutMs: config.requestTimeoutMs, log });
    listeners.push(admin);
    adminUrl = admin.url;
  }
  const url = config.role !== "worker" ? listeners[0]!.url : undefined;
  // Long connections feed the same inbox as the callbacks (web and all roles: they are intake).
  const connections =
    config.role === "worker"
      ? []
      : CHANNELS.flatMap(
          (c) =>
            c.connections?.({
              ...inboundDeps,
              log,
              db,
              live,
              onConnectionState: (channel, bot, up) => metrics.connections.set({ channel, bot }, up ? 1 : 0),
            }) ?? [],
        );
  for (const c of connections) {
    c.connection.start();
    livePlatforms.push(c.name);
  }

  let built: Awaited<ReturnType<typeof buildClassifier>>;
  try {
    built = await buildClassifier(db, config.llm, log);
  } catch (err) {
    await Promise.all([...listeners.map((l) => l.close()), ...connections.map((c) => c.connection.stop())]);
    throw err;
  }
  const { taxonomy, offline } = built;
  const classifier = overrides.classifier ?? built.classifier;
  const loop: ClosedLoopSettings = {
    taxonomy,
    get sla() {
      return slaPolicy;
    },
    calendar,
    relatedWindowDays: config.relatedWindowDays,
    confirmWindowMs: config.confirmWindowMs,
    onCorrection: () => void offline.refresh().catch((err) => log.error({ err }, "retraining failed")),
  };
  const conversation: PipelineDeps = {
    db,
    classifier,
    now,
    log,
    reviewThreshold: config.reviewThreshold,
    loop,
    metrics,
    proposals: { texts: proposalTexts, llm: config.llm },
    get pointsRules() {
      return pointsRules;
    },
  };
  started.conversation = conversation;
  const worker = createInboxWorker({
    db,
    now,
    log,
    leaseMs: config.leaseMs,
    pollMs: config.pollMs,
    process: (row) => processInboxMessage(conversation, row),
    onProcessed: () => outboxWorker.wake(),
  });
  started.inboxWorker = worker;
  const jobDeps: JobsDeps = {
    db,
    now,
    log,
    pollMs: config.jobsPollMs,
    calendar: loop.calendar,
    classifier: offline,
    quietHours: config.quietHours,
    maxNudges: config.maxNudges,
    onQueued: () => outboxWorker.wake(),
    metrics,
    get pointsRules() {
      return pointsRules;
    },
  };
  const jobs = createJobsLoop(jobDeps);
  let cronTrigger: ScheduledTask | undefined;
  if (runWorkers) {
    intake.onStored(() => worker.wake());
    worker.start();
    outboxWorker.start();
    jobs.start();
    cronTrigger = createCronTrigger(() => jobs.wake());
    workersStarted = true;
  }
  log.info(
    {
      url,
      adminUrl,
      role: config.role,
      database: target.kind,
      platforms: livePlatforms.length ? livePlatforms : "none (set WECOM_* / DINGTALK_* variables)",
      classifier: classifier.name,
    },
    "minyi started",
  );

  let stopping: Promise<StopSummary> | undefined;
  return {
    db,
    url,
    adminUrl,
    livePlatforms,
    runJobs: () => runJobsOnce(jobDeps),
    calendar,
    /** Stops serving and working, and closes the database; calling it again waits for the same stop. */
    stop() {
      stopping ??= (async () => {
        await Promise.all([...listeners.map((l) => l.close()), ...connections.map((c) => c.connection.stop())]);
        await cronTrigger?.destroy();
        slaSetting.stop();
        pointsSetting.stop();
        holidaysSetting.stop();
        await Promise.all([worker.stop(), outboxWorker.stop(), jobs.stop()]);
        await inboxWriter.close();
        const left = await leftOver(db).catch(() => ({ inboxLeft: -1, outboxLeft: -1 })); // -1: not known
        await db.$disconnect();
        return left;
      })();
      return stopping;
    },
  };
}

/** What the next start will take up: rows still waiting in the inbox and the outbox. */
async function leftOver(db: Db): Promise<StopSummary> {
  const [inboxLeft, outboxLeft] = await Promise.all([
    db.inboxMessage.count({ where: { status: { in: ["pending", "processing"] } } }),
    db.outboxMessage.count({ where: { status: { in: ["pending", "sending"] } } }),
  ]);
  return { inboxLeft, outboxLeft };
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
  const log = createLogger(config.logLevel);
  // Listen for the signal before starting: one that comes while the service starts stops it right after.
  let signalled: string | null = null;
  let service: RunningService | null = null;
  const onSignal = (signal: string) => {
    if (signalled) return;
    signalled = signal;
    if (service) shutdown(service, signal, log);
  };
  process.once("SIGTERM", () => onSignal("SIGTERM"));
  process.once("SIGINT", () => onSignal("SIGINT"));
  try {
    service = await startService(config, { log });
  } catch (err) {
    const reason = explainStartFailure(err, config);
    if (!reason) throw err;
    console.error(`minyi did not start: ${reason}`);
    process.exit(1);
  }
  if (signalled) shutdown(service, signalled, log);
}

function shutdown(service: RunningService, signal: string, log: Logger): void {
  const started = Date.now();
  log.info({ signal }, "stopping: no new requests; finishing the messages in hand");
  service.stop().then(
    (left) => {
      log.info(
        { signal, ms: Date.now() - started, ...left },
        "stopped: requests answered, messages in hand finished, database closed; what is left is taken up at the next start",
      );
      process.exit(0);
    },
    (err) => {
      log.error({ err, signal }, "stop failed");
      process.exit(1);
    },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runFromEnvironment().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
