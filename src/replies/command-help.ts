// The help text and each command's usage line, shown for "帮助", for an unknown "/…" command, and for a
// command whose ticket number or text is missing.
import type { Verb } from "../commands/command.ts";
import type { OutboundBody } from "../outbound/reply-route.ts";

export const USAGE: Record<Verb, string> = {
  claim: "认领 #2026-0007",
  progress: "进展 #2026-0007 已联系市政，下周更换灯杆",
  reply: "答复 #2026-0007 已与物业协商，本周内清理完毕",
  close: "办结 #2026-0007 路灯已修复（未能解决时写：办结 #2026-0007 未解决 原因）",
  recategorize: "改类 #2026-0007 停车管理",
  merge: "合并 #2026-0009 到 #2026-0007",
  query: "查询 #2026-0007",
  rate: "评价 #2026-0007 满意（可选 满意 / 基本满意 / 不满意；问题没有解决请写 未解决）",
  withdraw: "撤回 #2026-0007",
  reopen: "重办 #2026-0007 居民反映仍未修好",
  mine: "我的工单",
  stats: "统计",
  "contact-book": "联系册",
  "reception-log": "接待登记 12月10日 来访 8 人 到场 张代表、李代表",
  "reception-issue": "接待问题 12月10日 幸福路菜市场门口占道经营，早高峰拥堵",
  help: "帮助",
};

export function helpText(mention: string[], lead = "您好，我是民意助手，可以这样使用："): OutboundBody {
  const lines = [
    `**${lead}**`,
    "反映问题：@我 直接说明问题和地点，例如“幸福小区3栋门口路灯坏了”。",
    "补充情况：@我 并写上工单号，例如“#2026-0007 今晚又不亮了”。",
    `居民：${USAGE.query}｜评价 #编号 满意｜${USAGE.withdraw}｜我的工单｜统计`,
    `代表和工作人员：认领 #编号｜进展 #编号 内容｜答复 #编号 内容｜办结 #编号 结果｜联系册`,
    `工作人员：改类 #编号 分类｜${USAGE.merge}｜重办 #编号 原因`,
    `接待日之后：${USAGE["reception-log"]}｜接待问题 日期 问题（每条生成一张工单）`,
  ];
  return { title: "使用帮助", markdown: lines.join("\n\n"), mentionUserIds: mention };
}

export function usageReply(verb: Verb, mention: string[]): OutboundBody {
  return {
    title: "指令格式",
    markdown: `指令格式不太对，请参考：\n\n${USAGE[verb]}\n\n发送“帮助”可查看全部指令。`,
    mentionUserIds: mention,
  };
}
