// The labeled chat messages written for this project (assets/training/chat-cases.jsonl, the shared chat-case
// format: {"id","text","expect":{"urgent",…}}) as examples for the learned urgency model: "urgent" or "calm".
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { LabeledExample } from "./labeled-examples.ts";

const ChatCase = z.object({ text: z.string().min(1), expect: z.object({ urgent: z.boolean() }) });

export const URGENT = "urgent";
export const CALM = "calm";

export function readUrgencyExamples(path: string): LabeledExample[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, n }) => {
      const parsed = ChatCase.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${n}: expected {"text","expect":{"urgent"}}`);
      return { text: parsed.data.text, label: parsed.data.expect.urgent ? URGENT : CALM };
    });
}
