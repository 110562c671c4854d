// Classification by any OpenAI-compatible chat-completions endpoint (DeepSeek, Qwen, GLM, Moonshot,
// vLLM, Ollama …). The prompt lives in prompts/classify-message.md and states the JSON it expects; the
// answer is validated with zod and must name a category of the taxonomy. Personal data is masked before
// the text leaves the machine. On any failure — timeout, HTTP error, refusal, invalid JSON, unknown
// category — the offline classifier decides, and `decidedBy` says so. The offline classifier's learned urgency
// model is also a second opinion on every answer: an emergency it hears and the LLM did not is kept (recall first;
// the analysis still refuses it where the rules see that it is over, past, feared or a notice).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import OpenAI from "openai";
import { z } from "zod";
import type { Logger } from "../../infra/create-logger.ts";
import { maskPersonalData } from "../../infra/mask-personal-data.ts";
import { REQUEST_TYPES, type Classification, type Classifier } from "./classifier.ts";
import type { Taxonomy } from "./taxonomy.ts";

const PROMPT_FILE = fileURLToPath(new URL("../../../prompts/classify-message.md", import.meta.url));

export const LlmAnswerSchema = z.object({
  isIssue: z.boolean(),
  categoryL2: z.string(),
  requestType: z.enum(REQUEST_TYPES).nullable().optional(),
  confidence: z.number().min(0).max(1),
  /** Present danger to life or safety, with its reason in a few words. */
  urgent: z.boolean().optional(),
  urgentReason: z.string().max(40).nullable().optional(),
  /** The most specific place named, copied verbatim from the message; null when none. */
  place: z.string().max(60).nullable().optional(),
});

export interface LlmOptions {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
  /** Retries on connection errors, 408/409/429 and 5xx (the SDK's own policy). */
  maxRetries: number;
}

export class LlmFailure extends Error {
  override name = "LlmFailure";
}

export function renderPrompt(taxonomy: Taxonomy, template = readFileSync(PROMPT_FILE, "utf8")): string {
  const lines = [...taxonomy.parentOf].map(([l2, l1]) => `- ${l1} / ${l2}`);
  return template
    .replaceAll("{{nonIssueLabel}}", taxonomy.nonIssueLabel)
    .replaceAll("{{categories}}", lines.join("\n"));
}

export class LlmClassifier implements Classifier {
  readonly name: string;
  private readonly client: OpenAI;
  private readonly system: string;

  constructor(
    private readonly opts: LlmOptions,
    private readonly taxonomy: Taxonomy,
    private readonly fallback: Classifier,
    private readonly log: Logger,
  ) {
    this.name = `llm:${opts.model}`;
    this.client = new OpenAI({
      baseURL: opts.baseUrl,
      apiKey: opts.apiKey,
      timeout: opts.timeoutMs,
      maxRetries: opts.maxRetries,
    });
    this.system = renderPrompt(taxonomy);
  }

  async classify(text: string): Promise<Classification> {
    let answer: Classification;
    try {
      answer = await this.ask(text);
    } catch (err) {
      // The SDK's error classes (APIConnectionTimeoutError, InternalServerError …) keep name "Error".
      const kind = err instanceof Error ? err.constructor.name : "Error";
      const reason = err instanceof Error ? err.message : String(err);
      this.log.warn(
        { model: this.opts.model, kind, reason: reason.slice(0, 300) },
        "LLM classification failed; the offline classifier decides",
      );
      const result = await this.fallback.classify(text);
      return { ...result, decidedBy: `${this.fallback.name} (fallback: ${kind})` };
    }
    return this.withLearnedUrgency(text, answer);
  }

  /**
   * An emergency the offline classifier hears (its learned urgency model) and the LLM did not: the LLM's answer
   * with that reason, or, when the LLM took the message for no matter, the offline classification, which counts
   * an emergency as an issue.
   */
  private async withLearnedUrgency(text: string, answer: Classification): Promise<Classification> {
    if (answer.urgentReason) return answer;
    const offline = await this.fallback.classify(text);
    if (!offline.urgentReason) return answer;
    return answer.isIssue
      ? { ...answer, urgentReason: offline.urgentReason }
      : { ...offline, decidedBy: `${this.fallback.name} (urgent, over ${this.name})` };
  }

  private async ask(text: string): Promise<Classification> {
    const completion = await this.client.chat.completions.create({
      model: this.opts.model,
      temperature: 0,
      response_format: { type: "json_object" },
      messages: [
        { role: "system", content: this.system },
        { role: "user", content: maskPersonalData(text) },
      ],
    });
    const choice = completion.choices[0];
    if (!choice) throw new LlmFailure("no choices in the answer");
    if (choice.message.refusal) throw new LlmFailure(`refused: ${choice.message.refusal}`);
    if (choice.finish_reason === "content_filter") throw new LlmFailure("refused: content filter");
    const content = choice.message.content;
    if (!content) throw new LlmFailure("empty answer");
    let json: unknown;
    try {
      json = JSON.parse(content.replace(/^```(?:json)?\s*|\s*```$/g, "")); // some models fence JSON anyway
    } catch {
      throw new LlmFailure("answer is not JSON");
    }
    const parsed = LlmAnswerSchema.safeParse(json);
    if (!parsed.success)
      throw new LlmFailure(`answer does not match the schema: ${parsed.error.issues[0]?.message ?? ""}`);
    const a = parsed.data;
    if (!a.isIssue || a.categoryL2 === this.taxonomy.nonIssueLabel) {
      return {
        isIssue: false,
        categoryL1: "",
        categoryL2: "",
        confidence: a.confidence,
        decidedBy: this.name,
        requestType: null,
        requestTypeConfidence: 0,
      };
    }
    const extras = {
      ...(a.urgent ? { urgentReason: a.urgentReason || "模型判断为紧急" } : {}),
      ...(a.place ? { place: a.place } : {}),
    };
    const l1 = this.taxonomy.parentOf.get(a.categoryL2);
    if (!l1) throw new LlmFailure(`unknown category "${a.categoryL2}"`);
    // The model gives one confidence for its whole answer; it stands for the request type too.
    return {
      isIssue: true,
      categoryL1: l1,
      categoryL2: a.categoryL2,
      confidence: a.confidence,
      decidedBy: this.name,
      requestType: a.requestType ?? null,
      requestTypeConfidence: a.requestType ? a.confidence : 0,
      ...extras,
    };
  }
}
