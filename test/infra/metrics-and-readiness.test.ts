// /metrics (Prometheus text) and /readyz (migrations applied) on a running service, through really signed
// callbacks: the queues, the sends by outcome, what decided each matter and the job runs are counted; a
// database missing a migration this code expects makes the replica not ready while it stays alive.
import { afterAll, beforeAll, expect, it } from "vitest";
import { say } from "../support/group-chat.ts";
import { eventually, startTestService, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

describeEachDatabase("metrics and readiness", (kind) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(kind);
  });
  afterAll(async () => t.close());

  const metrics = async () => {
    const res = await fetch(`${t.url}/metrics`);
    expect(res.headers.get("content-type")).toContain("text/plain");
    return res.text();
  };

  it("counts the queues, the sends by outcome, what decided the category, and the job runs", async () => {
    await say(t, "he.ayi", "幸福小区3栋门口的路灯坏了");
    await say(t, "lu.shushu", "燃气味很重，是不是漏气了？幸福小区9栋");
    const text = await eventually(async () => {
      const m = await metrics();
      return /minyi_sends_total\{[^}]*route_kind="wecom-group-webhook"[^}]*outcome="sent"[^}]*\} 1/.test(m) && m;
    });
    expect(text).toMatch(
      /minyi_sends_total\{[^}]*route_kind="wecom-response-url",destination_kind="wecom-bot",outcome="sent"[^}]*\} 2/,
    );
    expect(text).toMatch(/minyi_classifier_decisions_total\{[^}]*source="danger"[^}]*\} 1/);
    expect(text).toMatch(/minyi_inbox_messages\{[^}]*status="done"[^}]*\} 2/);
    expect(text).toMatch(/minyi_outbox_oldest_waiting_seconds\{[^}]*\} 0/);
    expect(text).toMatch(/minyi_job_runs_total\{[^}]*job="overdue nudges",outcome="ok"[^}]*\} \d+/);
    expect(text).not.toContain("wrkSFfCgAAtest-group"); // no chat or user id as a label
  });

  it("is ready with every migration applied, and says which is missing when one is not", async () => {
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, missingMigrations: [], starting: false });

    await t.service.db.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET rolled_back_at = finished_at WHERE migration_name LIKE '%_manners'`,
    );
    const notReady = await fetch(`${t.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({
      ready: false,
      missingMigrations: ["20261130080000_manners"],
      starting: false,
    });
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200); // alive all the same
    await t.service.db.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name LIKE '%_manners'`,
    );
  });
});
