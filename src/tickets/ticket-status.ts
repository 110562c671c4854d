// The closed loop 收集 → 研处 → 办理 → 反馈 → 评价 as ticket states, the ways a ticket can close, and the
// words residents read for each.
export const TICKET_STATUSES = ["received", "assigned", "in_progress", "replied", "closed", "reopened"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** States in which the matter is still being worked on. */
export const OPEN_STATUSES: readonly TicketStatus[] = ["received", "assigned", "in_progress", "replied", "reopened"];

/** States that still owe the resident an answer (the feedback deadline runs). `replied` has answered. */
export const AWAITING_FEEDBACK: readonly TicketStatus[] = ["received", "assigned", "in_progress", "reopened"];

/** States that still wait for someone to take the matter on (the assignment deadline runs). */
export const AWAITING_ASSIGNMENT: readonly TicketStatus[] = ["received", "reopened"];

export const CLOSE_REASONS = ["fixed", "not_fixed", "duplicate", "not_ours", "withdrawn"] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const STATUS_LABEL: Record<TicketStatus, string> = {
  received: "已受理（待认领）",
  assigned: "已认领",
  in_progress: "办理中",
  replied: "已答复",
  closed: "已办结",
  reopened: "已重新办理",
};

export const CLOSE_REASON_LABEL: Record<CloseReason, string> = {
  fixed: "已解决",
  not_fixed: "未能解决",
  duplicate: "重复反映，已合并",
  not_ours: "不属于本级职责，已告知渠道",
  withdrawn: "反映人已撤回",
};

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export function statusLabel(status: string, closeReason: string | null): string {
  const base = STATUS_LABEL[status as TicketStatus] ?? status;
  return status === "closed" && closeReason
    ? `${base}（${CLOSE_REASON_LABEL[closeReason as CloseReason] ?? closeReason}）`
    : base;
}
