// Labeled training examples: JSON lines `{"text": "...", "label": "..."}`.
import { readFileSync } from "node:fs";
import { z } from "zod";

const Example = z.object({ text: z.string().min(1), label: z.string().min(1) });
export type LabeledExample = z.infer<typeof Example>;

export function parseExamples(jsonl: string, source: string): LabeledExample[] {
  return jsonl
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, n }) => {
      const parsed = Example.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${source}:${n}: expected {"text","label"}`);
      return parsed.data;
    });
}

export function readExamples(path: string): LabeledExample[] {
  return parseExamples(readFileSync(path, "utf8"), path);
}
