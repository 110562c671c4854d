// The only module that reads the environment. `loadConfig(env)` is pure: tests pass their own object.
import { parseQuietHours, type QuietHours } from "./quiet-hours.ts";
import { z } from "zod";

const optional = z.string().trim().min(1).optional();

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().default("file:./data/minyi.db"),
  /** SQLite durability: NORMAL survives any process crash (kill -9); FULL also survives power loss, slower. */
  SQLITE_SYNCHRONOUS: z.enum(["NORMAL", "FULL"]).default("NORMAL"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Which loops this process runs: "all" (default), "web" (intake only) or "worker" (no HTTP intake). */
  MINYI_ROLE: z.enum(["all", "web", "worker"]).default("all"),
  /** JSON file with the groups the bot serves, upserted on start (see config/groups.example.json). */
  MINYI_GROUPS_FILE: optional,
  /** Seconds a claimed inbox/outbox row stays leased before a sweeper may take it over. */
  MINYI_LEASE_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Below this classifier confidence a ticket's category is marked 待人工确认 for staff. */
  MINYI_REVIEW_THRESHOLD: z.coerce.number().min(0).max(1).default(0.6),
  /** Milliseconds between worker polls when idle. */
  MINYI_POLL_MS: z.coerce.number().int().min(10).default(500),
  /** Deadline policy (tiers, working-day durations); default config/sla.json. */
  MINYI_SLA_FILE: optional,
  /** Extra public holidays / make-up working days: {"holidays": ["2027-…"], "workdays": [...]}. */
  MINYI_HOLIDAYS_FILE: optional,
  /** Milliseconds between checks for overdue tickets (催办) and for corrections learned by other replicas. */
  MINYI_JOBS_POLL_MS: z.coerce.number().int().min(10).default(60_000),
  /** A new report is compared with the group's open tickets of this many days (follow-ups, duplicates). */
  MINYI_RELATED_WINDOW_DAYS: z.coerce.number().int().min(1).default(30),
  /** Shanghai hours in which nudges (催办) wait: "HH:MM-HH:MM" (may wrap midnight), or "off". */
  MINYI_QUIET_HOURS: z
    .string()
    .trim()
    .regex(
      /^(?:off|(?:[01]\d|2[0-3]):[0-5]\d-(?:[01]\d|2[0-3]):[0-5]\d)$/,
      'MINYI_QUIET_HOURS must be "HH:MM-HH:MM" or "off"',
    )
    .default("21:00-08:00"),
  /** Overdue nudges (催办) one ticket gets at most, however many deadlines it misses. */
  MINYI_MAX_NUDGES: z.coerce.number().int().min(0).max(50).default(3),
  /** Minutes in which a "请问是要反映问题吗" question waits for the sender's "是" (low-confidence messages). */
  MINYI_CONFIRM_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  /** Messages a minute to one destination (one robot in one group); both platforms allow 20. */
  MINYI_SEND_PER_MINUTE: z.coerce.number().int().min(1).max(20).default(20),
  /** Bearer token for the admin API (/admin/…: parked messages and retry). Unset: the admin API is off. */
  /** The desk's first admin, created at start while there is no admin (then these may be removed). */
  MINYI_FIRST_ADMIN: z
    .string()
    .regex(/^[A-Za-z0-9._@-]{2,64}$/, "MINYI_FIRST_ADMIN is a username: letters, digits and . _ @ -")
    .optional(),
  MINYI_FIRST_ADMIN_PASSWORD: z
    .string()
    .min(10, "MINYI_FIRST_ADMIN_PASSWORD must be at least 10 characters")
    .optional(),
  /** The duty ledger's points rules (default config/duty-points.json). */
  MINYI_DUTY_POINTS_FILE: optional,
  MINYI_PROPOSAL_TEXTS_FILE: optional,
  /** How often every replica re-reads the settings staff change on the desk (SLA, holidays). */
  MINYI_SETTINGS_REFRESH_SECONDS: z.coerce.number().min(0.1).max(3600).default(10),
  /** How long a desk sign-in lasts. */
  MINYI_SESSION_HOURS: z.coerce.number().min(0.1).max(720).default(12),
  MINYI_ADMIN_TOKEN: z.string().trim().min(16, "MINYI_ADMIN_TOKEN must be at least 16 characters").optional(),
  /** "host:port" to serve the admin API on its own listener (e.g. 127.0.0.1:3001) instead of PORT. */
  MINYI_ADMIN_LISTEN: z
    .string()
    .trim()
    .regex(/^[^\s:]+:\d{1,5}$/, 'MINYI_ADMIN_LISTEN is "host:port", e.g. 127.0.0.1:3001')
    .optional(),
  /**
   * Origins (scheme://host[:port]) that reply URLs may point to: the response_url and sessionWebhook a
   * callback carries, and the groups file's push robots. Anything else is refused (no SSRF through a
   * forged callback). Default: the platforms' own HTTPS hosts. Private deployments add their gateway.
   */
  MINYI_REPLY_ORIGINS: z
    .string()
    .default("https://qyapi.weixin.qq.com,https://oapi.dingtalk.com,https://api.dingtalk.com"),
  /** Sends in flight at once, each to a different destination (a slow robot never stalls the others). */
  MINYI_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** A send that has no answer after this long is abandoned (its outcome unknown: it may have arrived). */
  MINYI_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Hours a robot post or API message is retried before it is parked (reply URLs stop at their expiry). */
  MINYI_SEND_GIVE_UP_HOURS: z.coerce.number().min(0.01).default(24),
  /** A request whose headers and body have not arrived after this long is answered 408 (slow clients). */
  MINYI_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  WECOM_BOT_TOKEN: optional,
  WECOM_BOT_ENCODING_AES_KEY: optional,
  /** "long-connection": also receive the AI bot's messages over its WebSocket long connection (no public
   * address needed; needs WECOM_BOT_ID and WECOM_BOT_SECRET); "callback" (default): the callback URL only. */
  WECOM_BOT_MODE: z.enum(["callback", "long-connection"]).default("callback"),
  /** The AI bot's BotID and Secret (智能机器人 → API 模式 → 长连接). */
  WECOM_BOT_ID: optional,
  WECOM_BOT_SECRET: optional,
  /** Where the long connection is opened (WeCom's endpoint; tests point it at a local fake). */
  WECOM_BOT_WS_URL: z.string().url().default("wss://openws.work.weixin.qq.com"),
  /** Seconds between heartbeats; two unanswered ones and the connection is rebuilt. */
  WECOM_BOT_HEARTBEAT_SECONDS: z.coerce.number().min(0.05).max(300).default(30),
  /** Seconds to wait before connecting again after WeCom said another connection took the bot over. */
  WECOM_BOT_TAKEN_OVER_RETRY_SECONDS: z.coerce.number().min(0.05).max(86_400).default(60),
  /** A connection only one replica may hold is held for this long and renewed at a third of it; when its
   * holder dies, another replica takes it over within this time. */
  MINYI_CONNECTION_LEASE_SECONDS: z.coerce.number().min(0.3).max(600).default(30),
  WECOM_APP_TOKEN: optional,
  WECOM_APP_ENCODING_AES_KEY: optional,
  WECOM_CORP_ID: optional,
  /** Needed to answer deputies through the app's message API (message/send). */
  WECOM_APP_SECRET: optional,
  WECOM_APP_AGENT_ID: optional,
  WECOM_API_BASE_URL: z.string().url().default("https://qyapi.weixin.qq.com"),
  DINGTALK_APP_SECRET: optional,
  /** The app's AppKey (also its robotCode): needed only for posts through the DingTalk OpenAPI. */
  DINGTALK_APP_KEY: optional,
  DINGTALK_API_BASE_URL: z.string().url().default("https://api.dingtalk.com"),
  /** "stream": also receive the robot's messages over DingTalk Stream (an outbound connection, no public
   * address needed; needs DINGTALK_APP_KEY); "http" (default): the callback URL only. */
  DINGTALK_MODE: z.enum(["http", "stream"]).default("http"),
  /** Where Stream connections are opened (DingTalk's gateway; tests point it at a local fake). */
  DINGTALK_STREAM_GATEWAY_URL: z.string().url().default("https://api.dingtalk.com/v1.0/gateway/connections/open"),
  /** A Stream connection with no frame and no pong for this many seconds is taken for dead and rebuilt; more
   * than the SDK's ping interval (8 s), or a quiet healthy connection would be rebuilt too. */
  DINGTALK_STREAM_WATCHDOG_SECONDS: z.coerce.number().int().min(10).max(3600).default(90),
  /** OpenAI-compatible endpoint, e.g. https://api.deepseek.com/v1 or http://127.0.0.1:11434/v1 (Ollama). */
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: optional,
  LLM_MODEL: optional,
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
});

export type Env = Record<string, string | undefined>;

export interface WecomCryptoConfig {
  token: string;
  encodingAesKey: string;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  sqliteSynchronous: "NORMAL" | "FULL";
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  role: "all" | "web" | "worker";
  groupsFile: string | undefined;
  leaseMs: number;
  reviewThreshold: number;
  pollMs: number;
  slaFile: string | undefined;
  holidaysFile: string | undefined;
  jobsPollMs: number;
  relatedWindowDays: number;
  /** Nudges wait out these hours; null: none. */
  quietHours: QuietHours | null;
  maxNudges: number;
  confirmWindowMs: number;
  sendPerMinute: number;
  adminToken: string | undefined;
  firstAdmin: { username: string; password: string } | undefined;
  sessionMs: number;
  settingsRefreshMs: number;
  dutyPointsFile: string | undefined;
  /** MINYI_PROPOSAL_TEXTS_FILE: the texts proposal drafts are built from (config/proposal-texts.json). */
  proposalTextsFile: string | undefined;
  /** Own listener for the admin API; undefined: it shares the main port. */
  adminListen: { host: string; port: number } | undefined;
  replyOrigins: string[];
  sendConcurrency: number;
  sendTimeoutMs: number;
  sendGiveUpMs: number;
  requestTimeoutMs: number;
  wecomBot: WecomCryptoConfig | undefined;
  /** The AI bot's long connection (WECOM_BOT_MODE=long-connection). */
  wecomBotConnection:
    { botId: string; secret: string; wsUrl: string; heartbeatMs: number; takenOverRetryMs: number } | undefined;
  connectionLeaseMs: number;
  wecomApp: (WecomCryptoConfig & { corpId: string; secret?: string; agentId?: string }) | undefined;
  wecomApiBaseUrl: string;
  dingtalk:
    | {
        appSecret: string;
        appKey: string | undefined;
        apiBaseUrl: string;
        /** Set in Stream mode: the gateway the connection is opened through. */
        stream: { gatewayUrl: string; watchdogMs: number } | undefined;
      }
    | undefined;
  /** Optional LLM classification; the offline classifier is the fallback. */
  llm: { baseUrl: string; apiKey: string; model: string; timeoutMs: number; maxRetries: number } | undefined;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** A platform is live only when all its variables are set; half a platform is a configuration error. */
function group<K extends string>(env: Partial<Record<K, string>>, keys: readonly K[], label: string): boolean {
  const set = keys.filter((k) => env[k] !== undefined);
  if (set.length === 0) return false;
  if (set.length < keys.length) {
    const missing = keys.filter((k) => env[k] === undefined);
    throw new ConfigError(
      `${label}: ${set.join(", ")} set but ${missing.join(", ")} missing. Set all of them (see .env.example and README "Platforms") or none.`,
    );
  }
  return true;
}

function parseListen(value: string): { host: string; port: number } {
  const at = value.lastIndexOf(":");
  return { host: value.slice(0, at), port: Number(value.slice(at + 1)) };
}

/** "https://a.example, http://127.0.0.1:8080" → normalized origins; a path or a bad URL is an error. */
function parseOrigins(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new ConfigError(
          `MINYI_REPLY_ORIGINS: "${entry}" is not a URL origin such as https://qyapi.weixin.qq.com`,
        );
      }
      if (!["https:", "http:"].includes(url.protocol) || url.pathname !== "/" || url.search) {
        throw new ConfigError(
          `MINYI_REPLY_ORIGINS: "${entry}" must be scheme://host[:port] with http or https and no path`,
        );
      }
      return url.origin;
    });
}

export function loadConfig(env: Env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment (see .env.example):\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const bot = group(e, ["WECOM_BOT_TOKEN", "WECOM_BOT_ENCODING_AES_KEY"] as const, "WeCom AI bot");
  const app = group(e, ["WECOM_APP_TOKEN", "WECOM_APP_ENCODING_AES_KEY", "WECOM_CORP_ID"] as const, "WeCom app");
  for (const [name, key] of [
    ["WECOM_BOT_ENCODING_AES_KEY", e.WECOM_BOT_ENCODING_AES_KEY],
    ["WECOM_APP_ENCODING_AES_KEY", e.WECOM_APP_ENCODING_AES_KEY],
  ] as const) {
    if (key !== undefined && !/^[A-Za-z0-9]{43}$/.test(key)) {
      throw new ConfigError(`${name} must be the 43-character EncodingAESKey shown in the WeCom admin console.`);
    }
  }
  if (e.WECOM_BOT_MODE === "long-connection" && !(e.WECOM_BOT_ID && e.WECOM_BOT_SECRET))
    throw new ConfigError(
      "WECOM_BOT_MODE=long-connection needs WECOM_BOT_ID (the bot's BotID) and WECOM_BOT_SECRET (its Secret), from 企业微信管理后台 → 智能机器人 → API 模式 → 使用长连接.",
    );
  if (e.DINGTALK_MODE === "stream" && !(e.DINGTALK_APP_KEY && e.DINGTALK_APP_SECRET))
    throw new ConfigError(
      "DINGTALK_MODE=stream needs DINGTALK_APP_KEY (the app's AppKey, its Client ID) and DINGTALK_APP_SECRET (its Client Secret), from 钉钉开发者后台 → 应用 → 凭证与基础信息.",
    );
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    logLevel: e.LOG_LEVEL,
    role: e.MINYI_ROLE,
    groupsFile: e.MINYI_GROUPS_FILE,
    leaseMs: e.MINYI_LEASE_SECONDS * 1000,
    reviewThreshold: e.MINYI_REVIEW_THRESHOLD,
    pollMs: e.MINYI_POLL_MS,
    slaFile: e.MINYI_SLA_FILE,
    holidaysFile: e.MINYI_HOLIDAYS_FILE,
    jobsPollMs: e.MINYI_JOBS_POLL_MS,
    relatedWindowDays: e.MINYI_RELATED_WINDOW_DAYS,
    quietHours: parseQuietHours(e.MINYI_QUIET_HOURS),
    maxNudges: e.MINYI_MAX_NUDGES,
    confirmWindowMs: e.MINYI_CONFIRM_WINDOW_MINUTES * 60_000,
    sendPerMinute: e.MINYI_SEND_PER_MINUTE,
    adminToken: e.MINYI_ADMIN_TOKEN,
    firstAdmin: group(e, ["MINYI_FIRST_ADMIN", "MINYI_FIRST_ADMIN_PASSWORD"] as const, "desk first admin")
      ? { username: e.MINYI_FIRST_ADMIN!, password: e.MINYI_FIRST_ADMIN_PASSWORD! }
      : undefined,
    sessionMs: Math.round(e.MINYI_SESSION_HOURS * 3600_000),
    settingsRefreshMs: Math.round(e.MINYI_SETTINGS_REFRESH_SECONDS * 1000),
    dutyPointsFile: e.MINYI_DUTY_POINTS_FILE,
    proposalTextsFile: e.MINYI_PROPOSAL_TEXTS_FILE,
    adminListen: e.MINYI_ADMIN_LISTEN ? parseListen(e.MINYI_ADMIN_LISTEN) : undefined,
    replyOrigins: parseOrigins(e.MINYI_REPLY_ORIGINS),
    sendConcurrency: e.MINYI_SEND_CONCURRENCY,
    sendTimeoutMs: e.MINYI_SEND_TIMEOUT_MS,
    sendGiveUpMs: e.MINYI_SEND_GIVE_UP_HOURS * 3600_000,
    requestTimeoutMs: e.MINYI_REQUEST_TIMEOUT_MS,
    wecomBot: bot ? { token: e.WECOM_BOT_TOKEN!, encodingAesKey: e.WECOM_BOT_ENCODING_AES_KEY! } : undefined,
    wecomBotConnection:
      e.WECOM_BOT_MODE === "long-connection"
        ? {
            botId: e.WECOM_BOT_ID!,
            secret: e.WECOM_BOT_SECRET!,
            wsUrl: e.WECOM_BOT_WS_URL,
            heartbeatMs: Math.round(e.WECOM_BOT_HEARTBEAT_SECONDS * 1000),
            takenOverRetryMs: Math.round(e.WECOM_BOT_TAKEN_OVER_RETRY_SECONDS * 1000),
          }
        : undefined,
    connectionLeaseMs: Math.round(e.MINYI_CONNECTION_LEASE_SECONDS * 1000),
    wecomApp: app
      ? {
          token: e.WECOM_APP_TOKEN!,
          encodingAesKey: e.WECOM_APP_ENCODING_AES_KEY!,
          corpId: e.WECOM_CORP_ID!,
          secret: e.WECOM_APP_SECRET,
          agentId: e.WECOM_APP_AGENT_ID,
        }
      : undefined,
    wecomApiBaseUrl: e.WECOM_API_BASE_URL.replace(/\/$/, ""),
    dingtalk: e.DINGTALK_APP_SECRET
      ? {
          appSecret: e.DINGTALK_APP_SECRET,
          appKey: e.DINGTALK_APP_KEY,
          apiBaseUrl: e.DINGTALK_API_BASE_URL.replace(/\/$/, ""),
          stream:
            e.DINGTALK_MODE === "stream"
              ? { gatewayUrl: e.DINGTALK_STREAM_GATEWAY_URL, watchdogMs: e.DINGTALK_STREAM_WATCHDOG_SECONDS * 1000 }
              : undefined,
        }
      : undefined,
    llm: group(e, ["LLM_BASE_URL", "LLM_MODEL"] as const, "LLM")
      ? {
          baseUrl: e.LLM_BASE_URL!,
          // Local servers (Ollama, vLLM) need no key; the SDK insists on a string.
          apiKey: e.LLM_API_KEY ?? "not-needed",
          model: e.LLM_MODEL!,
          timeoutMs: e.LLM_TIMEOUT_MS,
          maxRetries: e.LLM_MAX_RETRIES,
        }
      : undefined,
  };
}
