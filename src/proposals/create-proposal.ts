// Drafts a proposal from a hotspot (its evidence as found for the period) and stores it: drafted offline,
// reworded by the LLM when one is configured, and numbered per year (JY2026-001).
import type { Db } from "../infra/db/create-database.ts";
import type { Logger } from "../infra/create-logger.ts";
import { isUniqueViolation } from "../infra/db/is-unique-violation.ts";
import { shanghaiDate } from "../infra/shanghai-time.ts";
import type { LlmOptions } from "../understanding/classify/llm-classifier.ts";
import type { Hotspot } from "./find-hotspots.ts";
import { improveDraft } from "./improve-draft.ts";
import { draftProposal } from "./proposal-draft.ts";
import type { ProposalTexts } from "./proposal-texts.ts";

export interface ProposalDeps {
  db: Db;
  log: Logger;
  texts: ProposalTexts;
  llm: LlmOptions | undefined;
  now: () => Date;
}

export async function createProposal(
  deps: ProposalDeps,
  hotspot: Hotspot,
  q: { from: string; to: string },
  by: { createdBy: string; deputyId?: string | null; deputyName?: string | null },
) {
  const offline = draftProposal(hotspot, deps.texts, q);
  const { draft, draftedBy } = deps.llm
    ? await improveDraft(offline, hotspot, deps.llm, deps.log)
    : { draft: offline, draftedBy: "offline" };
  const at = deps.now();
  const year = shanghaiDate(at).slice(0, 4);
  for (let attempt = 0; ; attempt++) {
    const count = await deps.db.proposal.count({ where: { number: { startsWith: `JY${year}-` } } });
    try {
      return await deps.db.proposal.create({
        data: {
          number: `JY${year}-${String(count + 1 + attempt).padStart(3, "0")}`,
          hotspotKey: hotspot.key,
          level2: hotspot.level2,
          place: hotspot.place,
          periodFrom: q.from,
          periodTo: q.to,
          title: draft.title,
          sections: JSON.stringify(draft.sections),
          ticketNumbers: JSON.stringify(hotspot.ticketNumbers),
          draftedBy,
          deputyId: by.deputyId ?? null,
          deputyName: by.deputyName ?? null,
          createdBy: by.createdBy,
          createdAt: at,
          updatedAt: at,
        },
      });
    } catch (err) {
      if (!isUniqueViolation(err) || attempt > 5) throw err; // two drafts numbered at once: take the next
    }
  }
}
