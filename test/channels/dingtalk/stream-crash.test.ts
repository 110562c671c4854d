// kill -9 between receipt and acknowledgement: the service (a separate OS process) stores a message pushed
// over DingTalk Stream and dies before DingTalk has its acknowledgement; DingTalk pushes the message again
// to the next process, which acknowledges it without storing it twice: one ticket, one answer.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDatabase, type Db } from "../../../src/infra/db/create-database.ts";
import { parseDatabaseUrl } from "../../../src/infra/db/database-url.ts";
import { startFakeDingtalkStream, type FakeDingtalkStream } from "../../../support/fake-dingtalk-stream.ts";
import { DINGTALK_APP_KEY, startFakePlatform, type FakePlatform } from "../../../support/fake-platform.ts";
import { dingtalkText } from "../../../support/platform-client.ts";
import { killHard, spawnService, type ServiceProcess } from "../../support/spawn-service.ts";
import { eventually } from "../../support/start-test-service.ts";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../../support/test-database.ts";

const SECRET = "SECtest-app-secret";
const GROUP = "cidCrashTestGroup==";

describeEachDatabase("DingTalk Stream, killed before its acknowledgement", (kind) => {
  let database: TestDatabase;
  let platform: FakePlatform;
  let stream: FakeDingtalkStream;
  let env: Record<string, string>;
  let service: ServiceProcess | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    platform = await startFakePlatform();
    stream = await startFakeDingtalkStream({ clientId: DINGTALK_APP_KEY, clientSecret: SECRET });
    const groupsFile = join(mkdtempSync(join(tmpdir(), "minyi-crash-")), "groups.json");
    writeFileSync(
      groupsFile,
      JSON.stringify([{ platform: "dingtalk", platformGroupId: GROUP, name: "幸福街道代表联络群", digest: false }]),
    );
    env = {
      DATABASE_URL: database.url,
      MINYI_GROUPS_FILE: groupsFile,
      MINYI_POLL_MS: "20",
      // A row the killed process had claimed is taken up again when its lease runs out.
      MINYI_LEASE_SECONDS: "2",
      DINGTALK_APP_KEY,
      DINGTALK_APP_SECRET: SECRET,
      DINGTALK_MODE: "stream",
      DINGTALK_STREAM_GATEWAY_URL: stream.gatewayUrl,
      DINGTALK_API_BASE_URL: platform.url,
      MINYI_REPLY_ORIGINS: platform.url,
    };
  });
  afterAll(async () => {
    if (service) await killHard(service);
    await db?.$disconnect();
    await stream.close();
    await platform.close();
    await database.drop();
  });

  it("stores the message once and answers it once after the process is killed and started again", async () => {
    // The first process only takes messages in (MINYI_ROLE=web), so it dies with the message stored and not
    // yet worked on: what is tested is the intake, not the outbox's own at-least-once sending.
    service = await spawnService({ ...env, MINYI_ROLE: "web" }, 60_000);
    await stream.connected(1);
    db = createDatabase(parseDatabaseUrl(database.url));
    const stored = () => db!.inboxMessage.count({ where: { channel: "dingtalk", platformMessageId: "crash-1" } });

    stream.loseAcks(true);
    stream.send(
      dingtalkText({
        msgId: "crash-1",
        conversationId: GROUP,
        senderStaffId: "ding-resident",
        senderNick: "钱女士",
        content: "和平路的路灯坏了三盏",
        sessionWebhook: `${platform.url}/dingtalk/session/crash-1`,
      }),
      "frame-crash-1",
    );
    await eventually(async () => (await stored()) === 1);
    await killHard(service); // stored; DingTalk has no acknowledgement

    stream.loseAcks(false);
    service = await spawnService(env, 60_000);
    await stream.connected(2);
    await stream.redeliverUnacknowledged();

    await eventually(async () => platform.received.find((r) => r.path === "/dingtalk/session/crash-1"), 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(await stored()).toBe(1);
    expect(await db.ticket.count()).toBe(1);
    expect(platform.received.filter((r) => r.path === "/dingtalk/session/crash-1")).toHaveLength(1);
  }, 120_000);
});
