// The chat's answers about hotspots (热点) and proposal drafts (建议草稿): short, with the numbers; the full
// draft is read and edited on the desk.
import { monthDay } from "../infra/shanghai-time.ts";
import type { OutboundBody } from "../outbox/outbound-body.ts";

/** What the chat shows of a hotspot (src/proposals/find-hotspots.ts has the whole evidence). */
export interface HotspotLine {
  rank: number;
  level2: string;
  place: string | null;
  places: string[];
  tickets: number;
  residents: number;
  closed: number;
}

/** How many hotspots the chat lists (the desk shows them all). */
export const HOTSPOTS_IN_CHAT = 5;

export function hotspotsReply(f: {
  from: string;
  to: string;
  hotspots: HotspotLine[];
  mention: string[];
}): OutboundBody {
  const span = `${monthDay(f.from)}至${monthDay(f.to)}`;
  if (f.hotspots.length === 0)
    return {
      title: "本月热点",
      markdown: `本月（${span}）您所在的群暂无集中反映的热点问题。`,
      mentionUserIds: f.mention,
    };
  const lines = f.hotspots.slice(0, HOTSPOTS_IN_CHAT).map((h) => {
    const where = h.place ?? `${h.places[0] ?? "多处"}等`;
    return `${h.rank}. ${where} · ${h.level2}：${h.tickets} 件，涉及 ${h.residents} 人，已办结 ${h.closed} 件`;
  });
  return {
    title: "本月热点",
    markdown: [
      `**本月（${span}）群众集中反映的热点**`,
      ...lines,
      "如需据热点起草代表建议，请发送“建议草稿 热点序号”，例如“建议草稿 1”。",
    ].join("\n\n"),
    mentionUserIds: f.mention,
  };
}

export function proposalDraftedReply(f: {
  number: string;
  title: string;
  tickets: number;
  residents: number;
  suggestions: string[];
  mention: string[];
}): OutboundBody {
  return {
    title: "建议草稿",
    markdown: [
      `已起草代表建议 ${f.number}《${f.title}》，依据工单 ${f.tickets} 件、涉及群众 ${f.residents} 人。`,
      ["主要建议：", ...f.suggestions.slice(0, 3).map((s, i) => `${i + 1}. ${s}`)].join("\n"),
      "完整草稿请在工作台“建议”页查看、修改后提交。",
    ].join("\n\n"),
    mentionUserIds: f.mention,
  };
}

export function noSuchHotspotReply(rank: number, mention: string[]): OutboundBody {
  return {
    title: "建议草稿",
    markdown: `本月没有序号为 ${rank} 的热点。请先发送“热点”查看本月热点及其序号。`,
    mentionUserIds: mention,
  };
}

export function draftingUnavailableReply(mention: string[]): OutboundBody {
  return {
    title: "建议草稿",
    markdown: "抱歉，建议草稿功能暂未开通，请联系工作人员在工作台起草。",
    mentionUserIds: mention,
  };
}
