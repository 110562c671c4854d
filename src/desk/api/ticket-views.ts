// What the desk shows of a ticket: a list row and the whole story (events, posts sent, residents and their
// ratings). Staff and admins read the resident's words as written (the originals are kept for them);
// deputies and viewers read them masked, as the chat posts show them.
import type { Db } from "../../infra/db/create-database.ts";
import { maskPersonalData } from "../../infra/mask-personal-data.ts";
import { isOpen, statusLabel, AWAITING_FEEDBACK } from "../../tickets/ticket-status.ts";
import type { Principal } from "./principal.ts";

export const LIST_SELECT = {
  id: true,
  number: true,
  status: true,
  closeReason: true,
  categoryL1: true,
  categoryL2: true,
  urgency: true,
  place: true,
  community: true,
  text: true,
  createdAt: true,
  feedbackDueAt: true,
  assigneeName: true,
  reporterName: true,
  affectedCount: true,
  rating: true,
  group: { select: { id: true, name: true } },
} as const;

type ListRow = {
  id: number;
  number: string;
  status: string;
  closeReason: string | null;
  categoryL1: string;
  categoryL2: string;
  urgency: string;
  place: string | null;
  community: string | null;
  text: string;
  createdAt: Date;
  feedbackDueAt: Date | null;
  assigneeName: string | null;
  reporterName: string | null;
  affectedCount: number;
  rating: string | null;
  group: { id: number; name: string } | null;
};

export const readsOriginals = (who: Principal) => who.role === "admin" || who.role === "staff";

export function listItem(t: ListRow, who: Principal, now: Date) {
  const text = readsOriginals(who) ? t.text : maskPersonalData(t.text);
  return {
    number: t.number,
    status: t.status,
    statusLabel: statusLabel(t.status, t.closeReason),
    level1: t.categoryL1,
    level2: t.categoryL2,
    urgency: t.urgency.split(/[,:]/)[0],
    place: t.place,
    community: t.community,
    group: t.group,
    summary: text.length > 80 ? `${text.slice(0, 80)}…` : text,
    createdAt: t.createdAt.toISOString(),
    feedbackDueAt: t.feedbackDueAt?.toISOString() ?? null,
    overdue:
      (AWAITING_FEEDBACK as readonly string[]).includes(t.status) && t.feedbackDueAt !== null && t.feedbackDueAt < now,
    assignee: t.assigneeName,
    reporter: t.reporterName,
    affected: t.affectedCount,
    rating: t.rating,
  };
}

export async function ticketStory(db: Db, number: string, who: Principal, groups: number[] | null, now: Date) {
  const t = await db.ticket.findUnique({
    where: { number },
    include: {
      group: { select: { id: true, name: true } },
      events: { orderBy: { id: "asc" } },
      outbox: { orderBy: { id: "asc" } },
      followers: { orderBy: { id: "asc" } },
    },
  });
  if (!t || (groups !== null && (t.groupId === null || !groups.includes(t.groupId)))) return null;
  const originals = readsOriginals(who);
  return {
    ...listItem(t, who, now),
    text: originals ? t.text : maskPersonalData(t.text),
    contact: originals ? t.contact : null,
    requestType: t.requestType,
    urgencySignals: t.urgencySignals,
    needsReview: t.needsReview,
    open: isOpen(t.status),
    closedAt: t.closedAt?.toISOString() ?? null,
    events: t.events.map((e) => ({
      kind: e.kind,
      from: e.fromStatus,
      to: e.toStatus,
      actor: e.actorName ?? e.actorId,
      actorRole: e.actorRole,
      note: e.note,
      source: e.sourceKey.split(":")[0],
      at: e.createdAt.toISOString(),
    })),
    posts: t.outbox.map((o) => {
      const body = JSON.parse(o.body) as { title?: string; markdown?: string };
      return {
        status: o.status,
        route: (JSON.parse(o.route) as { kind?: string }).kind ?? "",
        destination: o.destination.split(":")[0],
        title: body.title ?? "",
        markdown: body.markdown ?? "",
        createdAt: o.createdAt.toISOString(),
        sentAt: o.sentAt?.toISOString() ?? null,
        lastError: o.lastError,
      };
    }),
    residents: t.followers.map((f) => ({
      name: f.name,
      via: f.via,
      rating: f.rating,
      resolved: f.resolved,
      ratedAt: f.ratedAt?.toISOString() ?? null,
    })),
  };
}
