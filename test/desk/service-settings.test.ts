// The SLA and the holidays changed on the desk: stored in the database, applied at once by the replica that
// took the change and within the refresh interval by every other; a wrong value refused in Chinese; admins only.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAccount } from "../../src/desk/accounts/create-account.ts";
import { eventually, startTestService, type TestService } from "../support/start-test-service.ts";
import { say, ticketNumberIn } from "../support/group-chat.ts";
import { formatShanghai } from "../../src/infra/shanghai-time.ts";
import { describeEachDatabase } from "../support/test-database.ts";

const ADMIN = { username: "admin", password: "correct horse battery" };

describeEachDatabase("service settings on the desk", (kind) => {
  let t: TestService;
  let replicaUrl = "";
  let cookie = "";
  let csrf = "";
  const call = (base: string, method: string, path: string, body?: unknown, auth = { cookie, csrf }) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        cookie: auth.cookie,
        "x-csrf-token": auth.csrf,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const signIn = async (base: string, username: string, password: string) => {
    const res = await call(base, "POST", "/api/v1/session", { username, password }, { cookie: "", csrf: "" });
    return {
      cookie: res.headers.get("set-cookie")!.split(";")[0]!,
      csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
    };
  };

  beforeAll(async () => {
    t = await startTestService(kind, {
      env: {
        MINYI_FIRST_ADMIN: ADMIN.username,
        MINYI_FIRST_ADMIN_PASSWORD: ADMIN.password,
        MINYI_SETTINGS_REFRESH_SECONDS: "0.2",
      },
    });
    replicaUrl = (await t.replica()).url!;
    ({ cookie, csrf } = await signIn(t.url, ADMIN.username, ADMIN.password));
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const sla = {
    dayEndsAt: "17:30",
    tiers: {
      urgent: { assignWithin: { hours: 1 }, feedbackWithin: { hours: 12 } },
      ordinary: { assignWithin: { workingDays: 1 }, feedbackWithin: { workingDays: 3 } },
      complex: { assignWithin: { workingDays: 2 }, feedbackWithin: { workingDays: 10 } },
    },
    complexCategories: ["房屋产权"],
  };

  it("applies a new SLA at once here and on the other replica within the refresh interval", async () => {
    const res = await call(t.url, "PUT", "/api/v1/settings/sla", sla);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dayEndsAt: "17:30" });
    const onReplica = await eventually(async () => {
      const body = (await (await call(replicaUrl, "GET", "/api/v1/settings/sla")).json()) as { dayEndsAt: string };
      return body.dayEndsAt === "17:30" ? body : null;
    });
    expect(onReplica).toMatchObject({ complexCategories: ["房屋产权"] });

    // A ticket opened now gets its answer deadline at the new end of the working day.
    const number = ticketNumberIn((await say(t, "resident-he", "和平路的路灯坏了三盏")).answer);
    const ticket = await t.service.db.ticket.findUniqueOrThrow({ where: { number } });
    expect(formatShanghai(ticket.feedbackDueAt!)).toMatch(/17:30(:00)?$/);
  });

  it("applies extra holidays on every replica, and refuses a wrong date in Chinese", async () => {
    const days = { holidays: ["2027-03-08"], workdays: ["2027-03-13"] };
    expect((await call(t.url, "PUT", "/api/v1/settings/holidays", days)).status).toBe(200);
    await eventually(async () => {
      const body = (await (await call(replicaUrl, "GET", "/api/v1/settings/holidays")).json()) as {
        holidays: string[];
      };
      return body.holidays.includes("2027-03-08");
    });
    const wrong = await call(t.url, "PUT", "/api/v1/settings/holidays", { holidays: ["3月8日"] });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { message: string }).message).toMatch(/^节假日设置有误：/);
  });

  it("lets only admins read or change them", async () => {
    await createAccount(t.service.db, { username: "staff7", password: "staff password 7", role: "staff" }, new Date());
    const staff = await signIn(t.url, "staff7", "staff password 7");
    expect((await call(t.url, "GET", "/api/v1/settings/sla", undefined, staff)).status).toBe(403);
    expect((await call(t.url, "PUT", "/api/v1/settings/sla", sla, staff)).status).toBe(403);
  });
});
