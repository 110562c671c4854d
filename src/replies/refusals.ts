// Polite "cannot do that" answers: wrong role, unknown ticket, wrong state, a change that raced another.
import type { Verb } from "../commands/command.ts";
import type { OutboundBody } from "../outbound/reply-route.ts";
import type { Role } from "../roles/role.ts";

const VERB_LABEL: Record<Verb, string> = {
  claim: "认领",
  progress: "登记进展",
  reply: "答复",
  close: "办结",
  recategorize: "修改分类",
  merge: "合并工单",
  query: "查询",
  rate: "评价",
  withdraw: "撤回",
  reopen: "重新办理",
  mine: "查看我的工单",
  stats: "查看统计",
  "contact-book": "查看联系册",
  "reception-log": "登记接待日",
  "reception-issue": "登记接待日问题",
  help: "帮助",
};

function body(title: string, markdown: string, mention: string[]): OutboundBody {
  return { title, markdown, mentionUserIds: mention };
}

export function notAllowedReply(verb: Verb, allowed: readonly Role[], mention: string[], number?: string): OutboundBody {
  const who = allowed.includes("deputy") ? "本群的人大代表或工作人员" : "街道人大工委工作人员";
  return body("暂无权限", `抱歉，“${VERB_LABEL[verb]}”需要由${who}操作。您可以发送“查询 #${number ?? "编号"}”了解办理进度，发送“帮助”查看可用指令。`, mention);
}

export function notReporterReply(verb: Verb, number: string, mention: string[]): OutboundBody {
  return body("暂无权限", `抱歉，只有反映该问题的居民本人可以${VERB_LABEL[verb]}工单 #${number}。`, mention);
}

export function ticketNotFoundReply(number: string, mention: string[]): OutboundBody {
  return body("未找到工单", `未找到工单 #${number}，请核对编号后再试。`, mention);
}

export function wrongStateReply(number: string, why: string, mention: string[]): OutboundBody {
  return body(`工单 #${number}`, `工单 #${number}${why}`, mention);
}

export function changedMeanwhileReply(number: string, mention: string[]): OutboundBody {
  return body(`工单 #${number}`, `工单 #${number} 的状态刚刚有了变化，请先发送“查询 #${number}”查看最新情况后再操作。`, mention);
}

export function unknownCategoryReply(category: string, known: string[], mention: string[]): OutboundBody {
  return body("未找到分类", `没有名为“${category}”的分类。可选的分类有：${known.join("、")}。`, mention);
}
