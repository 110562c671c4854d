// npm run demo — the whole path without a platform account: starts Minyi on a throw-away SQLite file,
// sends a dozen realistic messages as really signed and encrypted WeCom AI-bot, WeCom app and DingTalk
// callbacks, then runs one matter round the closed loop with chat commands, and prints what the bot
// posted in each group and the tickets it opened. Then it restarts the service on a clock set to the next
// Monday 09:00 (Asia/Shanghai), three days before the group's reception day, and prints the reception-day
// notice and the weekly digest the scheduler posts. The "platform" that receives the bot's posts is a
// local HTTP server speaking the send protocols.
// The service runs on an injected clock from its first start — Tuesday 1 December 2026, 10:00 Shanghai,
// moving on in real time — so the story is the same whatever day and time the demo is run.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/infra/load-config.ts";
import { createLogger } from "../src/infra/create-logger.ts";
import { startService } from "../src/main.ts";
import { statusLabel } from "../src/tickets/ticket-status.ts";
import { addDays, shanghaiDate, shanghaiInstant } from "../src/infra/shanghai-time.ts";
import { isoWeekday } from "../src/groups/reception-days.ts";
import { startFakePlatform, WECOM_WEBHOOK_KEY } from "../support/fake-platform.ts";
import {
  dingtalkRequest,
  dingtalkText,
  randomKeys,
  send,
  wecomAppRequest,
  wecomAppTextXml,
  wecomBotRequest,
  wecomBotText,
  type SignedRequest,
} from "../support/platform-client.ts";

const WECOM_GROUP = "wrkDemoXingfu";
const DING_GROUP = "cidDemoHeping==";
const CORP_ID = "wwDemoCorp0001";

const dir = mkdtempSync(join(tmpdir(), "minyi-demo-"));
const fake = await startFakePlatform();
const bot = randomKeys();
const app = randomKeys();
const dingSecret = "SECdemo-secret";
const groupsFile = join(dir, "groups.json");
/** A clock that starts at `start` and moves on in real time. */
const clockFrom = (start: Date) => {
  const origin = Date.now();
  return () => new Date(start.getTime() + (Date.now() - origin));
};
const DEMO_START = new Date("2026-12-01T10:00:00+08:00");
// The scheduler part: next Monday at 09:00:30 is the weekly digest's time and three days before the
// reception day (that Thursday), so one restart on that clock shows both.
const today = shanghaiDate(DEMO_START);
const nextMonday = addDays(today, 8 - isoWeekday(today));
const receptionDay = addDays(nextMonday, 3);
writeFileSync(
  groupsFile,
  JSON.stringify([
    {
      platform: "wecom",
      platformGroupId: WECOM_GROUP,
      name: "幸福社区代表联络群（企业微信）",
      members: [
        { userId: "deputy.sun", name: "孙代表", role: "deputy" },
        { userId: "deputy.qian", name: "钱代表", role: "deputy" },
        { userId: "deputy.zhao", name: "赵代表", role: "deputy" },
        { userId: "staff.liu", name: "刘干事", role: "staff" },
      ],
      push: { kind: "wecom-group-webhook", url: `${fake.url}/cgi-bin/webhook/send?key=${WECOM_WEBHOOK_KEY}` },
      reception: {
        pattern: { days: [Number(receptionDay.slice(8, 10))] },
        time: "09:00-11:30",
        place: "幸福社区代表联络站（幸福路 18 号一楼）",
        holidayPolicy: "keep",
        roster: ["deputy.sun", "deputy.qian"],
      },
      digest: { weekday: 1, time: "09:00" },
    },
    { platform: "dingtalk", platformGroupId: DING_GROUP, name: "和平街道代表联络群（钉钉）", digest: false },
  ]),
);
const config = loadConfig({
  PORT: "0",
  HOST: "127.0.0.1",
  DATABASE_URL: `file:${join(dir, "demo.db")}`,
  MINYI_GROUPS_FILE: groupsFile,
  MINYI_POLL_MS: "20",
  WECOM_BOT_TOKEN: bot.token,
  WECOM_BOT_ENCODING_AES_KEY: bot.encodingAesKey,
  WECOM_APP_TOKEN: app.token,
  WECOM_APP_ENCODING_AES_KEY: app.encodingAesKey,
  WECOM_CORP_ID: CORP_ID,
  WECOM_APP_SECRET: "demo-secret",
  WECOM_APP_AGENT_ID: "1000002",
  WECOM_API_BASE_URL: fake.url,
  DINGTALK_APP_SECRET: dingSecret,
  MINYI_JOBS_POLL_MS: "200",
  MINYI_REPLY_ORIGINS: fake.url, // the local fake platform stands in for the platforms' hosts
});
// Callbacks are signed with the demo's clock: the service refuses timestamps an hour away from its own.
const demoNow = clockFrom(DEMO_START);
let service = await startService(config, { log: createLogger("warn"), now: demoNow });
const url = service.url!;

interface Said {
  where: string;
  who: string;
  text: string;
  request: SignedRequest;
  replyPath: string;
}
let n = 0;
const viaBot = (who: string, text: string, quote?: string): Said => {
  const id = `demo-bot-${++n}`;
  const msg = wecomBotText({
    msgId: id,
    chatId: WECOM_GROUP,
    from: who,
    content: text,
    responseUrl: `${fake.url}/wecom/response/${id}`,
    ...(quote ? { quote } : {}),
  });
  return {
    where: "企业微信群",
    who,
    text: quote ? `（引用：${quote}）${text}` : text,
    request: wecomBotRequest(bot, msg, demoNow()),
    replyPath: `/wecom/response/${id}`,
  };
};
const viaDing = (who: string, text: string): Said => {
  const id = `demo-ding-${++n}`;
  const msg = dingtalkText({
    msgId: id,
    conversationId: DING_GROUP,
    senderStaffId: who,
    senderNick: who,
    content: text,
    sessionWebhook: `${fake.url}/dingtalk/session/${id}`,
    at: demoNow(),
  });
  return {
    where: "钉钉群",
    who,
    text,
    request: dingtalkRequest(dingSecret, msg, demoNow()),
    replyPath: `/dingtalk/session/${id}`,
  };
};
const viaApp = (who: string, text: string): Said => {
  const xml = wecomAppTextXml({
    corpId: CORP_ID,
    from: who,
    content: text,
    msgId: String(7459035031717794000n + BigInt(++n)),
    at: demoNow(),
  });
  return {
    where: "企业微信应用（代表转交）",
    who,
    text,
    request: wecomAppRequest(app, CORP_ID, xml, demoNow()),
    replyPath: "/cgi-bin/message/send",
  };
};

const conversation: Said[] = [
  viaBot("li.ayi", "幸福小区3栋门口的路灯坏了一个星期了，晚上黑漆漆的，老人出门不放心"),
  viaDing("王建国", "和平路和建设路交叉口的雨水井堵了，昨天一下雨就积了半条路的水"),
  viaBot("zhang.shifu", "小区里车位太少，每天晚上都有车停在消防通道上"),
  viaDing("陈阿姨", "我们是九十年代的老楼，六楼没电梯，想问问加装电梯怎么申请"),
  viaBot("liu.mama", "孩子明年上小学，我们小区被划到了三公里外的学校，能不能调整学区"),
  viaApp("deputy.zhao", "居民反映：楼上邻居家卫生间漏水渗到楼下，协商了几次对方都不肯修"),
  viaBot("li.ayi", "谢谢代表！上次反映的问题已经解决了"),
  viaDing("赵大姐", "附近的菜市场拆了以后一直没建新的，买菜要坐两站公交"),
  viaBot("deputy.sun", "请帮忙登记一下", "工地每天晚上十一点还在施工，吵得孩子睡不着"),
  viaDing("孙师傅", "我们在工地干了三个月，包工头一直拖欠工资不发"),
  viaApp("deputy.zhao", "转：独居老人吃饭不方便，希望社区能办个老年食堂"),
  viaDing("周先生", "大家好"),
];

console.log(`\n民意 Minyi demo — service at ${url}, database ${join(dir, "demo.db")}\n`);
for (const said of conversation) {
  const res = await send(url, said.request);
  if (res.status !== 200) throw new Error(`${said.who}: HTTP ${res.status} ${res.text}`);
}
// A platform redelivering the first message (WeCom retries after 5 s) must change nothing.
await send(url, conversation[0]!.request);

await fake.waitFor(conversation.length, 20_000);
await new Promise((r) => setTimeout(r, 200));

function replyText(path: string, index: number): string {
  const posts = fake.received.filter((r) => r.path.startsWith(path));
  const body = (path.startsWith("/cgi-bin") ? posts[index] : posts[0])?.body as
    { markdown?: { content?: string; text?: string } } | undefined;
  if (!body) return "（未发送）";
  return body.markdown?.content ?? body.markdown?.text ?? JSON.stringify(body);
}

let appIndex = 0;
for (const said of conversation) {
  const reply = replyText(said.replyPath, said.replyPath.startsWith("/cgi-bin") ? appIndex++ : 0);
  console.log(`【${said.where}】${said.who}：${said.text}`);
  console.log(
    `  机器人回复 →\n${reply
      .split("\n")
      .filter(Boolean)
      .map((l) => `    ${l}`)
      .join("\n")}\n`,
  );
}

// The closed loop in the same group: a deputy claims and closes the first matter, the resident rates
// it, a neighbour reports the same street light, staff ask for the figures. One message at a time.
const first = (await service.db.ticket.findFirstOrThrow({ orderBy: { id: "asc" } })).number;
const loop: Said[] = [
  viaBot("wang.shushu", "幸福小区3栋门口路灯不亮，晚上太黑了"),
  viaBot("deputy.sun", `认领 #${first}`),
  viaBot("deputy.sun", `进展 #${first} 已联系市政照明所，明天上午来换灯`),
  viaBot("deputy.sun", `办结 #${first} 路灯已更换，今晚恢复照明`),
  viaBot("li.ayi", `评价 #${first} 已解决，满意`),
  viaBot("zhang.shifu", `认领 #${first}`),
  viaBot("staff.liu", "统计"),
];
console.log("—— 闭环办理 ——\n");
for (const said of loop) {
  const res = await send(url, said.request);
  if (res.status !== 200) throw new Error(`${said.who}: HTTP ${res.status} ${res.text}`);
  const deadline = Date.now() + 10_000;
  while (!fake.received.some((r) => r.path === said.replyPath)) {
    if (Date.now() > deadline) throw new Error(`no answer to: ${said.text}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  console.log(`【${said.where}】${said.who}：${said.text}`);
  console.log(
    `  机器人回复 →\n${replyText(said.replyPath, 0)
      .split("\n")
      .filter(Boolean)
      .map((l) => `    ${l}`)
      .join("\n")}\n`,
  );
}

const tickets = await service.db.ticket.findMany({ orderBy: { id: "asc" }, include: { group: true } });
console.log(`已开工单 ${tickets.length} 张（致谢、问候、指令和同一问题的再次反映不另开单）：`);
for (const t of tickets) {
  const role = t.reporterRole === "deputy_on_behalf" ? "代表代居民" : "居民";
  console.log(
    `  #${t.number}  ${t.categoryL1} / ${t.categoryL2}  置信度 ${t.confidence.toFixed(2)}  ${role} ${t.reporterName ?? t.reporterId}  ${t.group?.name ?? "（一对一）"}  状态：${statusLabel(t.status, t.closeReason)}${t.affectedCount > 1 ? `  反映人数 ${t.affectedCount}` : ""}`,
  );
}
const inbox = await service.db.inboxMessage.count();
console.log(`\n收件箱 ${inbox} 条（重复投递未重复入库），平台共收到机器人消息 ${fake.received.length} 条。`);

// The scheduler: the same database, restarted on a clock set to next Monday 09:00:30.
await service.stop();
const monday = new Date(shanghaiInstant(nextMonday, "09:00").getTime() + 30_000);
service = await startService(config, { log: createLogger("warn"), now: clockFrom(monday) });
const scheduled = (r: { body: Record<string, unknown> }) => /接待日|民意周报/.test(JSON.stringify(r.body)); // not the 催办 nudges
const pushes = () => fake.received.filter((r) => r.path.startsWith("/cgi-bin/webhook/send") && scheduled(r));
const pushDeadline = Date.now() + 15_000;
while (pushes().length < 2) {
  if (Date.now() > pushDeadline) throw new Error(`the scheduler posted ${pushes().length} of 2 messages`);
  await new Promise((r) => setTimeout(r, 50));
}
await new Promise((r) => setTimeout(r, 600)); // more scheduler passes: nothing is posted twice
console.log(`\n—— 定时推送（服务在 ${nextMonday} 09:00 重启后由调度补发，企业微信群推送机器人）——\n`);
for (const post of pushes()) {
  const text = (post.body as { markdown: { content: string } }).markdown.content;
  console.log(
    `${text
      .split("\n")
      .filter(Boolean)
      .map((l) => `    ${l}`)
      .join("\n")}\n`,
  );
}
const runs = await service.db.scheduledRun.findMany({ orderBy: { id: "asc" } });
console.log(`调度记录：${runs.map((r) => r.key).join("，")}（共推送 ${pushes().length} 条）`);
// Exactly the two runs expected, each posted once: a post repeated, or a run for a period the group did
// not exist in (a "catch-up" of last week's digest), fails the demo and so CI.
const texts = pushes().map((p) => JSON.stringify(p.body));
if (new Set(texts).size !== texts.length) throw new Error("a scheduled post was sent twice");
if (runs.length !== 2 || texts.length !== 2)
  throw new Error(
    `expected 2 scheduled runs and posts, got runs ${runs.map((r) => r.key).join(", ")} and ${texts.length} posts`,
  );

await service.stop();
await fake.close();
rmSync(dir, { recursive: true, force: true });
