// The notes written into a ticket's audit trail that people read back (查询 shows the latest steps).

export const mergedIntoNote = (into: string) => `并入 #${into}`;
export const mergedFromNote = (from: string) => `合并 #${from}`;
export const ratingReopenedNote = (said: string) => `居民评价：${said}`;
/** "已解决，满意" from the rating's parts. */
export const ratingSaid = (resolved: boolean | null, rating: string | null) =>
  [resolved === true ? "已解决" : resolved === false ? "未解决" : null, rating].filter(Boolean).join("，");

/** A close as staff read it in 查询: "已解决：路灯已修复", not the stored code. */
export const closedNote = (reasonLabel: string, note: string) => (note ? `${reasonLabel}：${note}` : reasonLabel);

/** A follow-up's own words, without the ticket number and "补充" it was written with. */
export const followUpNote = (text: string) =>
  text
    .replace(/^\s*(?:补充[:：]?\s*)?[#＃]?\s*20\d{2}\s*[-－—]\s*\d{1,6}\s*[:：，,]?\s*/u, "")
    .replace(/^补充[:：]?\s*/u, "")
    .trim();

/** The place a reporter named when asked where. */
export const placeAddedNote = (places: string) => `补充地点：${places}`;

/** The group name in 统计 from a one-to-one chat. */
export const ALL_GROUPS = "全部群";
/** The lead of the help text when a "/…" command is not known. */
export const UNKNOWN_COMMAND_LEAD = "抱歉，没有识别出这条指令。可以这样使用：";
