// The texts an offline proposal draft is built from (config/proposal-texts.json, or MINYI_PROPOSAL_TEXTS_FILE):
// per second-level category a topic for the title, cause lines (原因分析) and suggestion lines (具体建议), with a
// "default" entry for every other category.
import { z } from "zod";
import { readJsonFile } from "../infra/read-json-file.ts";

const Texts = z.object({
  topic: z.string().min(1),
  causes: z.array(z.string().min(1)).min(1),
  suggestions: z.array(z.string().min(1)).min(1),
});
export type CategoryTexts = z.infer<typeof Texts>;

const ProposalTextsSchema = z.looseObject({ default: Texts }).transform((raw) => {
  const byLevel2 = new Map<string, CategoryTexts>();
  for (const [k, v] of Object.entries(raw)) if (k !== "default" && !k.startsWith("$")) byLevel2.set(k, Texts.parse(v));
  return { fallback: raw.default, byLevel2 };
});
export type ProposalTexts = z.infer<typeof ProposalTextsSchema>;

export const DEFAULT_PROPOSAL_TEXTS_FILE = new URL("../../config/proposal-texts.json", import.meta.url);

export function readProposalTexts(path: string | URL): ProposalTexts {
  return readJsonFile(path, ProposalTextsSchema);
}

export function textsFor(texts: ProposalTexts, level2: string): CategoryTexts {
  return texts.byLevel2.get(level2) ?? texts.fallback;
}
