// Starts the real service (real HTTP server, real database, real workers) with all three platforms
// live, two registered groups, and a fake platform server behind every send.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { loadConfig } from "../../src/infra/load-config.ts";
import { createLogger } from "../../src/infra/create-logger.ts";
import { startService, type RunningService } from "../../src/main.ts";
import {
  DINGTALK_APP_KEY,
  DINGTALK_ROBOT_CODE,
  DINGTALK_ROBOT_SECRET,
  DINGTALK_ROBOT_TOKEN,
  startFakePlatform,
  WECOM_STAFF_WEBHOOK_KEY,
  WECOM_WEBHOOK_KEY,
  type FakePlatform,
} from "../../support/fake-platform.ts";
import { randomKeys, type WecomKeys } from "../../support/platform-client.ts";
import { createTestDatabase, type DbKind, type TestDatabase } from "./test-database.ts";

export const WECOM_GROUP = "wrkSFfCgAAtest-group";
export const DINGTALK_GROUP = "cidTestGroup0001==";
export const CORP_ID = "ww5823bf96d3bd56c7";
/** Members of the WeCom test group (everyone else there is a resident). */
export const DEPUTY = { userId: "zhang.daibiao", name: "张代表" };
export const STAFF = { userId: "liu.gongwei", name: "刘干事" };
export const DINGTALK_STAFF = { userId: "ding-staff", name: "王主任" };

export interface TestService {
  service: RunningService;
  url: string;
  /** Stops the service and starts it again on the same database and files (a restart), with a clock. */
  restart(now?: () => Date): Promise<void>;
  fake: FakePlatform;
  database: TestDatabase;
  botKeys: WecomKeys;
  appKeys: WecomKeys;
  dingtalkSecret: string;
  /** Every log line the service wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  groupsFile: string;
  env: Record<string, string>;
  /** Starts another replica of the service on the same database and files (stopped by close()). */
  replica(): Promise<RunningService>;
  close(): Promise<void>;
}

export async function startTestService(
  kind: DbKind,
  opts: { now?: () => Date; env?: Record<string, string>; wecomGroup?: Record<string, unknown> } = {},
): Promise<TestService> {
  const database = await createTestDatabase(kind);
  const fake = await startFakePlatform(opts.now);
  const botKeys = randomKeys();
  const appKeys = randomKeys();
  const dingtalkSecret = "SECtest-app-secret";
  const groupsFile = join(mkdtempSync(join(tmpdir(), "minyi-groups-")), "groups.json");
  writeFileSync(
    groupsFile,
    JSON.stringify([
      {
        platform: "wecom",
        platformGroupId: WECOM_GROUP,
        name: "幸福社区代表联络群",
        members: [
          { ...DEPUTY, role: "deputy" },
          { ...STAFF, role: "staff" },
        ],
        push: { kind: "wecom-group-webhook", url: `${fake.url}/cgi-bin/webhook/send?key=${WECOM_WEBHOOK_KEY}` },
        // The deputies' and staff's own internal group: nudges and danger alerts go there.
        staff: { kind: "wecom-group-webhook", url: `${fake.url}/cgi-bin/webhook/send?key=${WECOM_STAFF_WEBHOOK_KEY}` },
        digest: false, // tests run on any weekday: a digest only where a test asks for one
        ...opts.wecomGroup,
      },
      {
        platform: "dingtalk",
        platformGroupId: DINGTALK_GROUP,
        name: "幸福街道代表联络群",
        members: [{ ...DINGTALK_STAFF, role: "staff" }],
        push: {
          kind: "dingtalk-robot-webhook",
          url: `${fake.url}/robot/send?access_token=${DINGTALK_ROBOT_TOKEN}`,
          secret: DINGTALK_ROBOT_SECRET,
        },
        // One-to-one messages from the app's robot to the group's staff (recipients taken from members).
        staff: { kind: "dingtalk-openapi-users", robotCode: DINGTALK_ROBOT_CODE },
        digest: false,
      },
    ]),
  );
  const env: Record<string, string> = {
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: database.url,
    LOG_LEVEL: "info",
    MINYI_GROUPS_FILE: groupsFile,
    MINYI_POLL_MS: "20",
    MINYI_JOBS_POLL_MS: "50",
    WECOM_BOT_TOKEN: botKeys.token,
    WECOM_BOT_ENCODING_AES_KEY: botKeys.encodingAesKey,
    WECOM_APP_TOKEN: appKeys.token,
    WECOM_APP_ENCODING_AES_KEY: appKeys.encodingAesKey,
    WECOM_CORP_ID: CORP_ID,
    WECOM_APP_SECRET: "app-secret",
    WECOM_APP_AGENT_ID: "1000002",
    WECOM_API_BASE_URL: fake.url,
    DINGTALK_APP_SECRET: dingtalkSecret,
    DINGTALK_APP_KEY: DINGTALK_APP_KEY,
    DINGTALK_API_BASE_URL: fake.url,
    MINYI_REPLY_ORIGINS: fake.url, // the fake platform stands in for the platforms' hosts
    ...opts.env,
  };
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split("\n"))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  const start = (now?: () => Date) =>
    startService(loadConfig(env), { log: createLogger("info", sink), ...(now ? { now } : {}) });
  const service = await start(opts.now);
  const replicas: RunningService[] = [];
  const t: TestService = {
    service,
    url: service.url!,
    async restart(now) {
      await t.service.stop();
      t.service = await start(now ?? opts.now);
      t.url = t.service.url!;
    },
    fake,
    database,
    botKeys,
    appKeys,
    dingtalkSecret,
    logs,
    groupsFile,
    env,
    async replica() {
      const replica = await start(opts.now);
      replicas.push(replica);
      return replica;
    },
    async close() {
      await Promise.all(replicas.map((r) => r.stop()));
      await t.service.stop();
      await fake.close();
      await database.drop();
    },
  };
  return t;
}

/** Polls until `check` returns a truthy value (for work done by the background workers). */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}
