// A half-open Stream connection (the socket stays open but nothing answers, as after a silent network loss)
// is noticed and opened again through the gateway: the SDK pings every 8 s and the socket that does not
// answer is ended, then our loop reconnects. SQLite only: the database plays no part, and it takes up to
// two ping intervals.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DINGTALK_APP_KEY } from "../../../support/fake-platform.ts";
import { startFakeDingtalkStream, type FakeDingtalkStream } from "../../../support/fake-dingtalk-stream.ts";
import { startTestService, type TestService } from "../../support/start-test-service.ts";

let t: TestService;
let stream: FakeDingtalkStream;
beforeAll(async () => {
  stream = await startFakeDingtalkStream({ clientId: DINGTALK_APP_KEY, clientSecret: "SECtest-app-secret" });
  t = await startTestService("sqlite", {
    env: { DINGTALK_MODE: "stream", DINGTALK_STREAM_GATEWAY_URL: stream.gatewayUrl },
  });
  await stream.connected(1);
});
afterAll(async () => {
  await t.close();
  await stream.close();
});

it("rebuilds a connection that stopped answering its pings", async () => {
  stream.goSilent();
  await stream.connected(2, 30_000);
  expect(stream.gatewayCalls).toBe(2);
  expect(t.logs.some((l) => l.msg === "DingTalk Stream: connection closed; reconnecting")).toBe(true);
}, 40_000);
