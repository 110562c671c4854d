// Validation problems in Chinese, for the people editing a group on the desk: which field, and what is
// wrong with it, from zod's issues.
import type { z } from "zod";
import { RequestRejected } from "../../infra/request-rejected.ts";

const FIELD: Record<string, string> = {
  members: "成员",
  userId: "用户 ID",
  name: "姓名",
  role: "角色",
  pattern: "接待日",
  days: "日期",
  nth: "第几个",
  weekday: "星期",
  time: "时间",
  place: "地点",
  holidayPolicy: "节假日处理",
  roster: "轮值名单",
  perDay: "每次人数",
  duty: "指定值班",
  places: "地名",
  aliases: "别名",
};

function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path
    .map((p) => (typeof p === "number" ? `第 ${p + 1} 项` : (FIELD[String(p)] ?? String(p))))
    .join(" · ");
  let what: string;
  switch (issue.code) {
    case "too_small":
      what = issue.origin === "string" ? "不能为空" : `不能小于 ${String(issue.minimum)}`;
      break;
    case "too_big":
      what = `不能大于 ${String(issue.maximum)}`;
      break;
    case "invalid_type":
      what = "缺少或格式不对";
      break;
    case "invalid_value":
      what = `只能是 ${issue.values.map(String).join("、")}`;
      break;
    case "invalid_format":
      what = "格式不对";
      break;
    default:
      what = issue.message;
  }
  return where ? `${where}：${what}` : what;
}

/** Parses `value` or refuses the request with every problem in Chinese, led by `what` (e.g. "接待日规则"). */
export function parseOrRefuse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new RequestRejected("malformed_body", `${what}有误：${parsed.error.issues.map(describe).join("；")}`);
}
