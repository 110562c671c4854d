// The eval command's contract (later checks rely on it): trains on one JSONL file, tests on another,
// and its last line is one JSON object {"accuracy","macroF1","msgsPerSecond"}.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startFakeLlm } from "../support/fake-llm.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("npm run eval", () => {
  it("prints the metrics and ends with one JSON line of accuracy, macro-F1 and messages per second", () => {
    const rows = readFileSync(join(root, "assets/training/street-level.jsonl"), "utf8").trim().split("\n");
    const dir = mkdtempSync(join(tmpdir(), "minyi-eval-"));
    writeFileSync(join(dir, "train.jsonl"), rows.filter((_, i) => i % 4 !== 0).join("\n"));
    writeFileSync(join(dir, "test.jsonl"), rows.filter((_, i) => i % 4 === 0).join("\n"));
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", "scripts/eval.ts", "--train", join(dir, "train.jsonl"), "--test", join(dir, "test.jsonl")],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    const lines = out.trim().split("\n");
    const last = JSON.parse(lines.at(-1)!) as Record<string, number>;
    expect(Object.keys(last).sort()).toEqual(["accuracy", "macroF1", "msgsPerSecond"]);
    expect(last.accuracy).toBeGreaterThan(0);
    expect(last.accuracy).toBeLessThanOrEqual(1);
    expect(last.msgsPerSecond).toBeGreaterThan(0);
    expect(out).toContain("confusion matrix");
    expect(out).toMatch(/路灯照明\s/);
  });

  it("evaluates the LLM path the same way with --model llm, scoring first-level categories", async () => {
    const llm = await startFakeLlm();
    const dir = mkdtempSync(join(tmpdir(), "minyi-eval-llm-"));
    const rows = [
      { text: "小区路灯坏了", label: "城乡建设" },
      { text: "楼下天天乱停车", label: "交通运输" },
      { text: "孩子上学没有学位", label: "教育文体" },
    ];
    writeFileSync(join(dir, "test.jsonl"), rows.map((r) => JSON.stringify(r)).join("\n"));
    const answer = (l2: string) => ({
      kind: "answer" as const,
      content: JSON.stringify({ isIssue: true, categoryL2: l2, requestType: "求助", confidence: 0.9 }),
    });
    llm.script(answer("路灯照明"), answer("停车管理"), answer("路灯照明")); // the third one is wrong
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/eval.ts", "--test", join(dir, "test.jsonl"), "--model", "llm"],
      {
        cwd: root,
        env: { ...process.env, LLM_BASE_URL: llm.baseUrl, LLM_MODEL: "fake-model", LLM_API_KEY: "k" },
      },
    );
    await llm.close();
    const last = JSON.parse(stdout.trim().split("\n").at(-1)!) as { accuracy: number };
    expect(last.accuracy).toBeCloseTo(2 / 3, 4);
    expect(stdout).toContain("offline fallback decided 0 of them");
  });
});
