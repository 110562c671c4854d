// Polite "cannot do that" answers: wrong role, unknown ticket, wrong state, a change that raced another.
import type { Role } from "../groups/role.ts";
import type { OutboundBody } from "../outbox/outbound-body.ts";

function body(title: string, markdown: string, mention: string[]): OutboundBody {
  return { title, markdown, mentionUserIds: mention };
}

/** `label`: the command's name (COMMAND_WORDING). */
export function notAllowedReply(
  label: string,
  allowed: readonly Role[],
  mention: string[],
  number?: string,
): OutboundBody {
  const who = allowed.includes("deputy") ? "本群的人大代表或工作人员" : "街道人大工委工作人员";
  return body(
    "暂无权限",
    `抱歉，“${label}”需要由${who}操作。您可以发送“查询 #${number ?? "编号"}”了解办理进度，发送“帮助”查看可用指令。`,
    mention,
  );
}

export function notReporterReply(
  label: string,
  number: string,
  mention: string[],
  who = "反映该问题的居民本人",
): OutboundBody {
  return body("暂无权限", `抱歉，只有${who}可以${label}工单 #${number}。`, mention);
}

export function ticketNotFoundReply(number: string, mention: string[]): OutboundBody {
  return body("未找到工单", `未找到工单 #${number}，请核对编号后再试。`, mention);
}

function wrongState(number: string, why: string, mention: string[]): OutboundBody {
  return body(`工单 #${number}`, `工单 #${number}${why}`, mention);
}

/** A handling command on a closed ticket. */
export const alreadyClosedReply = (number: string, mention: string[]) =>
  wrongState(number, ` 已办结。如需重新办理，请工作人员发送“重办 #${number} 原因”。`, mention);
/** 评价 before the ticket is closed. */
export const notYetClosedForRatingReply = (number: string, mention: string[]) =>
  wrongState(number, " 还在办理中，办结后再请您评价。", mention);
/** 撤回 of a closed ticket. */
export const closedNothingToWithdrawReply = (number: string, mention: string[]) =>
  wrongState(number, " 已办结，无需撤回。", mention);
/** 合并 of a closed ticket. */
export const closedCannotMergeReply = (number: string, mention: string[]) =>
  wrongState(number, " 已办结，不能再合并。", mention);
/** 合并 into a ticket that is closed or merged itself. */
export const mergeTargetClosedReply = (number: string, mention: string[]) =>
  wrongState(number, " 已办结或已并入其他工单，请合并到仍在办理的工单。", mention);
/** 重办 of a ticket that is still open. */
export const notClosedNoReopenReply = (number: string, mention: string[]) =>
  wrongState(number, " 尚未办结（或已并入其他工单），无需重新办理。", mention);

export function changedMeanwhileReply(number: string, mention: string[]): OutboundBody {
  return body(
    `工单 #${number}`,
    `工单 #${number} 的状态刚刚有了变化，请先发送“查询 #${number}”查看最新情况后再操作。`,
    mention,
  );
}

export function unknownCategoryReply(category: string, known: string[], mention: string[]): OutboundBody {
  return body("未找到分类", `没有名为“${category}”的分类。可选的分类有：${known.join("、")}。`, mention);
}
