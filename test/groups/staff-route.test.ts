// A group's staff route in the groups file: an internal group's robot or one-to-one messages, checked on
// read like the push robot, with the recipients of one-to-one messages taken from the group's members
// when the file names none.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { CHANNELS } from "../../src/channels/all-channels.ts";
import { readGroupsFile } from "../../src/groups/seed-groups.ts";

const rules = {
  replyOrigins: ["https://qyapi.weixin.qq.com", "https://oapi.dingtalk.com", "https://api.dingtalk.com"],
  pushRoutes: Object.assign({}, ...CHANNELS.map((c) => c.pushRoutes)),
  directRoutes: Object.assign({}, ...CHANNELS.map((c) => c.directRoutes)),
};

function groupsFile(staff: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), "minyi-staff-")), "groups.json");
  writeFileSync(
    path,
    JSON.stringify([
      {
        platform: "wecom",
        platformGroupId: "wrk1",
        name: "幸福社区代表联络群",
        members: [
          { userId: "zhang.daibiao", name: "张代表", role: "deputy" },
          { userId: "liu.gongwei", name: "刘干事", role: "staff" },
        ],
        staff,
      },
    ]),
  );
  return path;
}

it("writes one to one to the group's deputies and staff when the file names no recipients", () => {
  const [group] = readGroupsFile(groupsFile({ kind: "wecom-app-message" }), rules);
  expect(group!.staff).toEqual({ kind: "wecom-app-message", toUser: "zhang.daibiao|liu.gongwei" });
});

it("keeps the recipients the file names", () => {
  const [group] = readGroupsFile(groupsFile({ kind: "wecom-app-message", toUser: "liu.gongwei" }), rules);
  expect(group!.staff).toEqual({ kind: "wecom-app-message", toUser: "liu.gongwei" });
});

it("accepts the examples shipped in config/groups.example.json", () => {
  const groups = readGroupsFile("config/groups.example.json", rules);
  expect(groups.map((g) => g.staff?.kind)).toEqual(["wecom-group-webhook", "dingtalk-openapi-users"]);
  expect(groups[1]!.staff).toMatchObject({ userIds: ["staff-0001"] });
});

it("refuses a staff route of an unknown kind or off the platforms' origins, saying where", () => {
  expect(() => readGroupsFile(groupsFile({ kind: "email" }), rules)).toThrow(/0\.staff\.kind: "email" is none of/);
  expect(() =>
    readGroupsFile(groupsFile({ kind: "wecom-group-webhook", url: "https://evil.example/hook" }), rules),
  ).toThrow(/0\.staff: .*MINYI_REPLY_ORIGINS/);
});
