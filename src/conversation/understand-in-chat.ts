// The analysis of words said in a chat, as the conversation runs it: the service's classifier, the
// taxonomy, the group's known places, the review threshold. Call it outside a transaction: it may be slow
// (an LLM).
import { understandMessage, type Understanding } from "../understanding/understand-message.ts";
import type { MessageContext } from "./message-context.ts";

export function understandInChat(ctx: MessageContext, text: string): Promise<Understanding> {
  const { classifier, loop, reviewThreshold } = ctx.deps;
  const gazetteer = ctx.group?.gazetteer;
  return understandMessage(
    { classifier, taxonomy: loop.taxonomy, ...(gazetteer ? { gazetteer } : {}) },
    text,
    reviewThreshold,
  );
}
