// The rows of a ticket export (CSV and XLSX alike), newest first, read in batches by cursor so a large export
// never holds the whole table; at most EXPORT_MAX rows. Staff read the residents' words as written; deputies
// and viewers masked.
import type { Db } from "../../infra/db/create-database.ts";
import { maskPersonalData } from "../../infra/mask-personal-data.ts";
import { formatShanghai } from "../../infra/shanghai-time.ts";
import type { Principal } from "./principal.ts";
import { LIST_SELECT, listItem, readsOriginals } from "./ticket-views.ts";

export const EXPORT_MAX = 100_000;
const EXPORT_BATCH = 1_000;

export const TICKET_EXPORT_HEADER = [
  "编号",
  "状态",
  "一级分类",
  "二级分类",
  "紧急程度",
  "地点",
  "社区",
  "所在群",
  "反映内容",
  "受理时间",
  "答复期限",
  "是否超期",
  "办理人",
  "评价",
];

export async function* ticketExportRows(
  db: Db,
  where: object,
  who: Principal,
  now: Date,
): AsyncGenerator<Array<string | number | null>> {
  let cursor: number | undefined;
  for (let sent = 0; sent < EXPORT_MAX;) {
    const rows = await db.ticket.findMany({
      where: cursor ? { AND: [where, { id: { lt: cursor } }] } : where,
      orderBy: { id: "desc" },
      take: Math.min(EXPORT_BATCH, EXPORT_MAX - sent),
      select: LIST_SELECT,
    });
    for (const t of rows) {
      const i = listItem(t, who, now);
      yield [
        i.number,
        i.statusLabel,
        i.level1,
        i.level2,
        i.urgency ?? "",
        i.place,
        i.community,
        i.group?.name ?? "",
        readsOriginals(who) ? t.text : maskPersonalData(t.text),
        formatShanghai(t.createdAt),
        t.feedbackDueAt ? formatShanghai(t.feedbackDueAt) : "",
        i.overdue ? "是" : "否",
        i.assignee,
        i.rating,
      ];
    }
    sent += rows.length;
    if (rows.length < EXPORT_BATCH) return;
    cursor = rows[rows.length - 1]!.id;
  }
}
