// The labeled chat messages written for this project (assets/training/chat-cases.jsonl, the shared chat-case
// format: {"id","text","expect":{"isMatter","urgent","level1",…}}) as training examples: for the learned urgency
// model ("urgent" / "calm"), for the learned "matter" / "chat" model, for the first level of chat matters (the
// official tree's level1) and for their request type (咨询 / 求助 / 投诉 / 举报 / 建议).
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { LabeledExample } from "./labeled-examples.ts";
import { CHAT, MATTER } from "./matter-examples.ts";

const ChatCase = z.object({
  text: z.string().min(1),
  expect: z.object({
    isMatter: z.boolean(),
    urgent: z.boolean(),
    level1: z.string().nullable(),
    requestType: z.string().nullable().optional(),
  }),
});
type ChatCase = z.infer<typeof ChatCase>;

export const URGENT = "urgent";
export const CALM = "calm";

function readChatCases(path: string): ChatCase[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, n }) => {
      const parsed = ChatCase.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${n}: expected {"text","expect":{"isMatter","urgent","level1"}}`);
      return parsed.data;
    });
}

/** What the chat cases teach, read and checked once. */
export interface ChatCaseExamples {
  /** Every case: "urgent" or "calm". */
  urgency: LabeledExample[];
  /** Every case: "matter" or "chat". */
  matter: LabeledExample[];
  /** The matters, labeled with their first level. */
  level1: LabeledExample[];
  /**
   * The matters that are not urgent, labeled with their request type. Urgent ones are left out: an emergency is 求助
   * whatever its words (the analysis decides that), and they would only teach the model that danger words mean 求助.
   */
  requestType: LabeledExample[];
}

export function readChatCaseExamples(path: string): ChatCaseExamples {
  const cases = readChatCases(path);
  return {
    urgency: cases.map((c) => ({ text: c.text, label: c.expect.urgent ? URGENT : CALM })),
    matter: cases.map((c) => ({ text: c.text, label: c.expect.isMatter ? MATTER : CHAT })),
    level1: cases.flatMap((c) =>
      c.expect.isMatter && c.expect.level1 ? [{ text: c.text, label: c.expect.level1 }] : [],
    ),
    requestType: cases.flatMap((c) =>
      c.expect.isMatter && !c.expect.urgent && c.expect.requestType
        ? [{ text: c.text, label: c.expect.requestType }]
        : [],
    ),
  };
}

export const readUrgencyExamples = (path: string): LabeledExample[] => readChatCaseExamples(path).urgency;
export const readLevel1Examples = (path: string): LabeledExample[] => readChatCaseExamples(path).level1;
export const readRequestTypeExamples = (path: string): LabeledExample[] => readChatCaseExamples(path).requestType;
