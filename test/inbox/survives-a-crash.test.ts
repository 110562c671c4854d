// "Nothing acknowledged is lost": the service answers 200 only after the inbox row is committed, and a
// later process picks the row up — whether the crash came before processing started or during it.
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createDatabase } from "../../src/infra/db/create-database.ts";
import { parseDatabaseUrl } from "../../src/infra/db/database-url.ts";
import { dingtalkRequest, dingtalkText, send, wecomBotRequest, wecomBotText } from "../../support/platform-client.ts";
import { killHard, spawnService, type ServiceProcess } from "../support/spawn-service.ts";
import {
  DINGTALK_GROUP,
  eventually,
  startTestService,
  WECOM_GROUP,
  type TestService,
} from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

describeEachDatabase("an acknowledged message survives a crash", (kind) => {
  let t: TestService;
  const processes: ServiceProcess[] = [];
  beforeAll(async () => {
    // Only for its database, keys, groups file and fake platform; the process under test is spawned.
    t = await startTestService(kind, { env: { MINYI_ROLE: "web" } });
  });
  afterEach(async () => {
    for (const p of processes.splice(0)) await killHard(p);
  });
  afterAll(async () => t.close());

  it("processes, after a restart, a message whose process was killed with SIGKILL right after answering 200", async () => {
    // An intake-only process: it acknowledges and stores, and never processes.
    const web = await spawnService({ ...t.env, MINYI_ROLE: "web" });
    processes.push(web);
    const msg = wecomBotText({
      msgId: "crash-1",
      chatId: WECOM_GROUP,
      from: "zhou",
      content: "小区门口的路灯坏了",
      responseUrl: `${t.fake.url}/wecom/response/crash-1`,
    });
    const ding = dingtalkText({
      msgId: "crash-2",
      conversationId: DINGTALK_GROUP,
      senderStaffId: "wu",
      senderNick: "吴",
      content: "垃圾好几天没人清运",
      sessionWebhook: `${t.fake.url}/dingtalk/session/crash-2`,
    });
    expect((await send(web.url, wecomBotRequest(t.botKeys, msg))).status).toBe(200);
    expect((await send(web.url, dingtalkRequest(t.dingtalkSecret, ding))).status).toBe(200);
    await killHard(web);

    const worker = await spawnService({ ...t.env, MINYI_ROLE: "all" });
    processes.push(worker);
    const posts = await t.fake.waitFor(2, 20_000);
    expect(posts.map((p) => p.path).sort()).toEqual(["/dingtalk/session/crash-2", "/wecom/response/crash-1"]);
    expect(await t.service.db.ticket.count()).toBe(2);
  });

  it("re-claims a message whose worker died while processing it, once the lease has run out", async () => {
    const db = createDatabase(parseDatabaseUrl(t.database.url));
    const msg = wecomBotText({
      msgId: "crash-3",
      chatId: WECOM_GROUP,
      from: "zheng",
      content: "楼道里电动车充电太危险",
      responseUrl: `${t.fake.url}/wecom/response/crash-3`,
    });
    // What a worker killed mid-processing leaves behind: claimed, leased until a moment ago, not done.
    const web = await spawnService({ ...t.env, MINYI_ROLE: "web" });
    processes.push(web);
    expect((await send(web.url, wecomBotRequest(t.botKeys, msg))).status).toBe(200);
    await killHard(web);
    await db.inboxMessage.updateMany({
      where: { platformMessageId: "crash-3" },
      data: { status: "processing", attempts: 1, lockedUntil: new Date(Date.now() + 1500) },
    });

    const worker = await spawnService({ ...t.env, MINYI_ROLE: "all", MINYI_POLL_MS: "100" });
    processes.push(worker);
    const row = await eventually(
      () => db.inboxMessage.findFirst({ where: { platformMessageId: "crash-3", status: "done" } }),
      20_000,
    );
    expect(row.attempts).toBe(2);
    await eventually(async () => t.fake.received.some((p) => p.path === "/wecom/response/crash-3"));
    await db.$disconnect();
  });
});
