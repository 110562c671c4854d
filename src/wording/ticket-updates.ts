// Confirmations posted when deputies and staff move a ticket along: claimed, progress, answered,
// re-categorised, merged, reopened, withdrawn. Short, and they name the ticket so the group can follow.
import type { OutboundBody } from "../outbox/outbound-body.ts";

function update(number: string, markdown: string, mention: string[]): OutboundBody {
  return { title: `工单 #${number}`, markdown, mentionUserIds: mention };
}

export function claimedReply(number: string, who: string, mention: string[]): OutboundBody {
  return update(number, `工单 #${number} 已由${who}认领，将尽快跟进办理。`, mention);
}

export function alreadyClaimedReply(number: string, mention: string[]): OutboundBody {
  return update(number, `工单 #${number} 已由您认领，无需重复认领。`, mention);
}

/** A claim of a ticket someone else holds: refused, and the holder is told. */
export function heldByOtherReply(number: string, holder: string, claimant: string, mention: string[]): OutboundBody {
  return update(
    number,
    `工单 #${number} 已由${holder}认领办理。如需改由${claimant}办理，请${holder}发送“释放 #${number}”，或请工作人员发送“转办 #${number} 给${claimant}”。`,
    mention,
  );
}

export function releasedReply(number: string, who: string, mention: string[]): OutboundBody {
  return update(number, `${who}已释放工单 #${number}，现在可以由其他代表或工作人员认领。`, mention);
}

export function transferredReply(number: string, from: string | null, to: string, mention: string[]): OutboundBody {
  return update(number, `工单 #${number} 已${from ? `由${from}` : ""}转交${to}办理，请${to}跟进。`, mention);
}

export function noSuchHandlerReply(name: string, mention: string[]): OutboundBody {
  return {
    title: "未找到",
    markdown: `本群的代表和工作人员中没有找到“${name}”，请核对姓名后再试。`,
    mentionUserIds: mention,
  };
}

export function progressReply(number: string, who: string, note: string, mention: string[]): OutboundBody {
  return update(number, `**工单 #${number} 办理进展**\n\n${who}：${note}`, mention);
}

export function answeredReply(number: string, who: string, note: string, mention: string[]): OutboundBody {
  return update(
    number,
    `**工单 #${number} 答复**\n\n${who}：${note}\n\n如对答复有疑问，请 @我 并写上工单号补充说明。`,
    mention,
  );
}

export function recategorizedReply(number: string, from: string, to: string, mention: string[]): OutboundBody {
  if (from === to) return update(number, `工单 #${number} 的分类仍为“${to}”，分类未变。`, mention);
  return update(number, `工单 #${number} 的分类已由“${from}”调整为“${to}”。该例已记入本地分类学习样本。`, mention);
}

export function mergedReply(number: string, into: string, affected: number, mention: string[]): OutboundBody {
  return update(
    number,
    `工单 #${number} 与 #${into} 反映的是同一问题，已合并到 #${into} 统一办理（共 ${affected} 位居民反映）。`,
    mention,
  );
}

export function reopenedReply(number: string, note: string, mention: string[]): OutboundBody {
  return update(
    number,
    `工单 #${number} 已重新办理${note ? `：${note.replace(/[。.！!]$/u, "")}。` : "。"}承办人将再次跟进。`,
    mention,
  );
}

export function withdrawnReply(number: string, mention: string[]): OutboundBody {
  return update(number, `工单 #${number} 已按您的意愿撤回。如有新情况，欢迎随时 @我 反映。`, mention);
}
