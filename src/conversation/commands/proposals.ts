// Hotspots and proposal drafts in the chat: 热点 (this month's hotspots in the sender's groups, numbered) and
// 建议草稿 <序号> (a proposal drafted from that hotspot: a short summary here, the full draft on the desk).
import { shanghaiDate } from "../../infra/shanghai-time.ts";
import { createProposal } from "../../proposals/create-proposal.ts";
import { findHotspots, type Hotspot } from "../../proposals/find-hotspots.ts";
import { COMMAND_WORDING } from "../../wording/command-wording.ts";
import {
  draftingUnavailableReply,
  hotspotsReply,
  noSuchHotspotReply,
  proposalDraftedReply,
} from "../../wording/hotspots-reply.ts";
import type { MessageContext } from "../message-context.ts";
import { senderMention } from "../message-context.ts";
import { actorName, HANDLERS, type BareCommand, type TextCommand } from "./command.ts";

/**
 * This month so far (Shanghai): the hotspots with a ticket in a group where the sender is a deputy or staff (or
 * in this group), their evidence from every group.
 */
async function monthHotspots(
  ctx: MessageContext,
): Promise<{ from: string; to: string; groupIds: number[]; hotspots: Hotspot[] }> {
  const to = shanghaiDate(ctx.at);
  const from = `${to.slice(0, 8)}01`;
  const memberships = await ctx.deps.db.member.findMany({
    where: { platformUserId: ctx.actor.id, role: { in: ["deputy", "staff"] } },
    select: { groupId: true },
  });
  const groupIds = [...new Set([...memberships.map((m) => m.groupId), ...(ctx.group ? [ctx.group.id] : [])])];
  return {
    from,
    to,
    groupIds,
    hotspots: await findHotspots(ctx.deps.db, { from, to, groupIds: null, touching: groupIds }),
  };
}

export const hotspots: BareCommand = {
  verb: "hotspots",
  form: "bare",
  words: ["热点", "本月热点", "热点问题"],
  roles: HANDLERS,
  wording: COMMAND_WORDING.hotspots,
  async run(ctx) {
    return { answer: hotspotsReply({ ...(await monthHotspots(ctx)), mention: senderMention(ctx.message) }) };
  },
};

export const draftProposal: TextCommand<{ rank: number }> = {
  verb: "draft-proposal",
  form: "text",
  words: ["建议草稿", "起草建议"],
  roles: HANDLERS,
  wording: COMMAND_WORDING["draft-proposal"],
  parse(rest) {
    const m = /^(?:热点)?\s*[#＃]?\s*(\d{1,3})\s*$/u.exec(rest);
    return m ? { rank: Number(m[1]) } : null;
  },
  async run(ctx, { rank }) {
    const mention = senderMention(ctx.message);
    const setup = ctx.deps.proposals;
    if (!setup) return { answer: draftingUnavailableReply(mention) };
    const month = await monthHotspots(ctx);
    const h = month.hotspots.find((x) => x.rank === rank);
    if (!h) return { answer: noSuchHotspotReply(rank, mention) };
    // The inbox row in createdBy: a message handled again after a crash finds its draft instead of a second one.
    const createdBy = `chat:${ctx.actor.id}#${ctx.rowId}`;
    const row =
      (await ctx.deps.db.proposal.findFirst({ where: { createdBy } })) ??
      (await createProposal({ db: ctx.deps.db, log: ctx.deps.log, now: () => ctx.at, ...setup }, h, month, {
        createdBy,
        ...(ctx.actor.role === "deputy" ? { deputyId: ctx.actor.id, deputyName: actorName(ctx) } : {}),
      }));
    const sections = JSON.parse(row.sections) as { suggestions: string[] };
    return {
      answer: proposalDraftedReply({
        number: row.number,
        title: row.title,
        tickets: h.tickets,
        residents: h.residents,
        suggestions: sections.suggestions,
        mention,
      }),
    };
  },
};
