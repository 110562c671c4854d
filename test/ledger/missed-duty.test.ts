// Missed duty days derived from the roster: on a reception day staff logged, a deputy the roster put on duty who
// did not come and has no leave loses the rule's points; leave logged for that day (履职登记 … 请假) takes it back.
import { afterAll, beforeAll, expect, it } from "vitest";
import { say } from "../support/group-chat.ts";
import { DEPUTY, STAFF, startTestService, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

const TOKEN = "missed-duty-test-admin-token-0123456789";
const LI = { userId: "li.daibiao", name: "李代表" };
const reception = {
  pattern: { days: [10] },
  time: "09:00-11:30",
  place: "幸福社区代表联络站",
  holidayPolicy: "next_working_day",
  roster: [DEPUTY.userId, LI.userId],
  perDay: 2,
};
const members = [
  { ...DEPUTY, role: "deputy" },
  { ...LI, role: "deputy" },
  { ...STAFF, role: "staff" },
];

interface Line {
  deputyId: string;
  total: number;
  breakdown: Array<{ kind: string; count: number; points: number }>;
}

describeEachDatabase("missed duty days", (kind) => {
  let t: TestService;
  const clock = new Date("2026-12-10T14:00:00+08:00");
  const ledger = async (id: string) => {
    const res = await fetch(`${t.url}/api/v1/deputies/points?period=2026-12`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    return ((await res.json()) as { deputies: Line[] }).deputies.find((d) => d.deputyId === id)!;
  };

  beforeAll(async () => {
    t = await startTestService(kind, {
      now: () => clock,
      env: { MINYI_ADMIN_TOKEN: TOKEN },
      wecomGroup: { members, reception },
    });
    await say(t, STAFF.userId, `接待登记 12月10日 来访 3 人 到场 ${DEPUTY.name}`, clock);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it("deducts the day from the deputy on duty who did not come, and not from the one who did", async () => {
    expect((await ledger(LI.userId)).breakdown).toContainEqual({
      kind: "missed_duty",
      label: "接待日缺席（未请假）",
      count: 1,
      points: -3,
    });
    expect((await ledger(DEPUTY.userId)).breakdown.map((b) => b.kind)).not.toContain("missed_duty");
    const file = await fetch(`${t.url}/api/v1/deputies/${LI.userId}/file.xlsx?period=2026-12`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(file.status).toBe(200);
  });

  it("takes the deduction back when leave for that day is logged", async () => {
    const said = await say(t, STAFF.userId, `履职登记 ${LI.name} 请假 12月10日 参加区人大培训`, clock);
    expect(said.answer).toContain("接待日请假");
    const line = await ledger(LI.userId);
    expect(line.breakdown.map((b) => b.kind)).not.toContain("missed_duty");
    expect(line.total).toBe(0);
  });
});
