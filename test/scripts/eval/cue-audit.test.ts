// The cue audit's contract: over chat cases, it names the decisive-word entry that decides a case wrongly, the
// later entry that would have been right (an order conflict), and ends with one JSON line of its counts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

const matter = (id: string, text: string, level1: string) =>
  JSON.stringify({ id, text, expect: { isMatter: true, urgent: false, level1, requestType: "投诉", place: null } });

describe("the cue audit", () => {
  it("names the entry that decides wrongly and the one it shadows, and counts them in its last line", () => {
    const dir = mkdtempSync(join(tmpdir(), "minyi-cue-audit-"));
    const file = join(dir, "cases.jsonl");
    // 噪声扰民 (吵) comes before 房屋漏水 (滴水) in the taxonomy; the second case is labeled as a leak on purpose.
    writeFileSync(
      file,
      [
        matter("a", "楼上广场舞的音响太吵了", "环境保护"),
        matter("b", "楼上往下滴水，滴在空调外机上吵死了", "城乡建设"),
      ].join("\n"),
    );
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/eval/cue-audit.ts", file, "--examples"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(out).toMatch(/\(噪声扰民\) decided wrongly: b /);
    expect(out).toMatch(/\(房屋漏水\) was right but shadowed: b /);
    expect(JSON.parse(out.trim().split("\n").at(-1)!)).toMatchObject({ audited: 2, decided: 2, wrong: 1 });
  });
});
