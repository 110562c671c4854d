// The help text and each command's usage line, shown for "帮助", for an unknown "/…" command, and for a
// command whose ticket number or text is missing.
import type { OutboundBody } from "../outbox/outbound-body.ts";
import { COMMAND_WORDING as W } from "./command-wording.ts";

export function helpText(mention: string[], lead = "您好，我是民意助手，可以这样使用："): OutboundBody {
  const lines = [
    `**${lead}**`,
    "反映问题：@我 直接说明问题和地点，例如“幸福小区3栋门口路灯坏了”。",
    "补充情况：@我 并写上工单号，例如“#2026-0007 今晚又不亮了”。",
    `居民：${W.query.usage}｜评价 #编号 满意｜${W.withdraw.usage}｜我的工单｜统计`,
    `代表和工作人员：认领 #编号｜进展 #编号 内容｜答复 #编号 内容｜办结 #编号 结果｜释放 #编号｜联系册`,
    `工作人员：改类 #编号 分类｜${W.merge.usage}｜重办 #编号 原因｜${W.transfer.usage}`,
    `接待日之后：${W["reception-log"].usage}｜接待问题 日期 问题（每条生成一张工单）`,
  ];
  return { title: "使用帮助", markdown: lines.join("\n\n"), mentionUserIds: mention };
}

export function usageReply(usage: string, mention: string[]): OutboundBody {
  return {
    title: "指令格式",
    markdown: `指令格式不太对，请参考：\n\n${usage}\n\n发送“帮助”可查看全部指令。`,
    mentionUserIds: mention,
  };
}
