// The eval command's contract (later checks rely on it): trains on one JSONL file, tests on another,
// and its last line is one JSON object {"accuracy","macroF1","msgsPerSecond"}.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("npm run eval", () => {
  it("prints the metrics and ends with one JSON line of accuracy, macro-F1 and messages per second", () => {
    const rows = readFileSync(join(root, "assets/training/street-level.jsonl"), "utf8").trim().split("\n");
    const dir = mkdtempSync(join(tmpdir(), "minyi-eval-"));
    writeFileSync(join(dir, "train.jsonl"), rows.filter((_, i) => i % 4 !== 0).join("\n"));
    writeFileSync(join(dir, "test.jsonl"), rows.filter((_, i) => i % 4 === 0).join("\n"));
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/eval.ts", "--train", join(dir, "train.jsonl"), "--test", join(dir, "test.jsonl")], {
      cwd: root,
      encoding: "utf8",
    });
    const lines = out.trim().split("\n");
    const last = JSON.parse(lines.at(-1)!) as Record<string, number>;
    expect(Object.keys(last).sort()).toEqual(["accuracy", "macroF1", "msgsPerSecond"]);
    expect(last.accuracy).toBeGreaterThan(0);
    expect(last.accuracy).toBeLessThanOrEqual(1);
    expect(last.msgsPerSecond).toBeGreaterThan(0);
    expect(out).toContain("confusion matrix");
    expect(out).toMatch(/路灯照明\s/);
  });
});
