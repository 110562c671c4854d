// A proposal draft (代表建议) in the standard form, built offline from a hotspot's evidence and the per-category
// texts: 标题 "关于……的建议", 案由, 现状与问题 (with the numbers), 原因分析, 具体建议 (numbered when shown), and the
// related tickets (附：相关工单). The numbers are the evidence's own; an LLM may reword the rest (improve-draft.ts).
import type { Hotspot } from "./find-hotspots.ts";
import { textsFor, type ProposalTexts } from "./proposal-texts.ts";

export interface ProposalSections {
  cause: string;
  situation: string;
  analysis: string;
  suggestions: string[];
}

export interface ProposalDraft {
  title: string;
  sections: ProposalSections;
}

const cn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export function draftProposal(h: Hotspot, texts: ProposalTexts, period: { from: string; to: string }): ProposalDraft {
  const t = textsFor(texts, h.level2);
  const where = h.place ?? "辖区";
  const title = `关于解决${h.place ?? ""}${t.topic}问题的建议`;
  const cause = `${cn(period.from)}至${cn(period.to)}，${where}居民通过代表联络群集中反映${h.level2}方面的问题（${t.topic}），共形成工单${h.tickets}件、涉及群众${h.residents}人，问题具有普遍性和反复性，需要从制度和机制上加以解决。`;
  const status =
    h.closed === 0
      ? "目前上述工单均未办结。"
      : `目前已办结${h.closed}件、未办结${h.tickets - h.closed}件，办结率${Math.round((h.closed / h.tickets) * 100)}%` +
        (h.meanDaysToClose !== null ? `，已办结的平均用时${h.meanDaysToClose}天` : "") +
        (h.rated > 0 ? `；参与评价${h.rated}件，其中满意或基本满意${h.satisfied}件。` : "。");
  const situation = [
    `${h.firstDate === h.lastDate ? cn(h.firstDate) : `${cn(h.firstDate)}至${cn(h.lastDate)}`}，共收到相关反映${h.tickets}件，涉及群众${h.residents}人，来自${h.groups}个代表联络群` +
      (h.places.length ? `，集中在${h.places.join("、")}等处。` : "。"),
    status,
    h.quotes.length ? `群众反映的原话如：${h.quotes.map((q) => `“${q}”`).join("；")}。` : "",
  ]
    .filter(Boolean)
    .join("");
  const analysis = t.causes.map((c, i) => `${"一二三四五六七八九十"[i] ?? i + 1}是${c}。`).join("");
  return { title, sections: { cause, situation, analysis, suggestions: [...t.suggestions] } };
}
