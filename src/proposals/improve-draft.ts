// The LLM's pass over an offline proposal draft (when an OpenAI-compatible endpoint is configured): it rewords
// the title, 案由, 原因分析 and 具体建议 from the masked evidence (prompts/draft-proposal.md); 现状与问题 keeps the
// offline text, whose numbers are the evidence's own. Any failure (timeout, HTTP error, refusal, not JSON, not
// the schema) keeps the offline draft and says why in `draftedBy`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Logger } from "../infra/create-logger.ts";
import { maskPersonalData } from "../infra/mask-personal-data.ts";
import type { LlmOptions } from "../understanding/classify/llm-classifier.ts";
import type { Hotspot } from "./find-hotspots.ts";
import type { ProposalDraft } from "./proposal-draft.ts";

const PROMPT_FILE = fileURLToPath(new URL("../../prompts/draft-proposal.md", import.meta.url));

const Answer = z.object({
  title: z
    .string()
    .min(6)
    .max(60)
    .regex(/^关于.*的建议$/u),
  cause: z.string().min(10).max(1500),
  analysis: z.string().min(10).max(3000),
  suggestions: z.array(z.string().min(4).max(300)).min(2).max(8),
});

export async function improveDraft(
  draft: ProposalDraft,
  hotspot: Hotspot,
  llm: LlmOptions,
  log: Logger,
): Promise<{ draft: ProposalDraft; draftedBy: string }> {
  try {
    const { default: OpenAI } = await import("openai");
    const client = new OpenAI({
      baseURL: llm.baseUrl,
      apiKey: llm.apiKey,
      timeout: llm.timeoutMs,
      maxRetries: llm.maxRetries,
    });
    const evidence = { ...hotspot, ticketNumbers: undefined, groupIds: undefined };
    const completion = await client.chat.completions.create({
      model: llm.model,
      temperature: 0.2,
      response_format: { type: "json_object" },
      messages: [
        { role: "system", content: readFileSync(PROMPT_FILE, "utf8") },
        // Masked once more as a whole: the draft's own text quotes residents too.
        {
          role: "user",
          content: maskPersonalData(JSON.stringify({ evidence, draft: { title: draft.title, ...draft.sections } })),
        },
      ],
    });
    const choice = completion.choices[0];
    if (!choice?.message.content || choice.finish_reason === "content_filter" || choice.message.refusal)
      throw new Error("no usable answer");
    const parsed = Answer.safeParse(JSON.parse(choice.message.content.replace(/^```(?:json)?\s*|\s*```$/g, "")));
    if (!parsed.success) throw new Error(`answer does not match the schema: ${parsed.error.issues[0]?.message ?? ""}`);
    const a = parsed.data;
    return {
      draft: {
        title: maskPersonalData(a.title),
        sections: {
          cause: maskPersonalData(a.cause),
          situation: draft.sections.situation,
          analysis: maskPersonalData(a.analysis),
          suggestions: a.suggestions.map((s) => maskPersonalData(s.replace(/^\s*\d+[.、．]\s*/u, ""))),
        },
      },
      draftedBy: `llm:${llm.model}`,
    };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    log.warn({ model: llm.model, reason: reason.slice(0, 300) }, "LLM proposal draft failed; the offline draft stands");
    return { draft, draftedBy: `offline (fallback: ${reason.slice(0, 80)})` };
  }
}
