// The folders of src/ form the message's way and imports only point down it: no cycle between folders,
// infra/ imports nothing of ours, the outbox knows no platform and no conversation, channels never reach
// into the conversation, and nothing but main.ts reaches the composition's channel table.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === "generated") return [];
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

/** The top folder of a file under src/ ("main.ts" for the root). */
const folderOf = (file: string) => relative(SRC, file).split("/")[0]!;

/** Every edge between top folders: "from → to", with one importing file as an example. */
function folderEdges(): Map<string, string> {
  const edges = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    for (const m of readFileSync(file, "utf8").matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)) {
      const target = resolve(dirname(file), m[1]!);
      if (!target.startsWith(SRC)) continue;
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from !== to && to !== "generated") edges.set(`${from} → ${to}`, relative(SRC, file));
    }
  }
  return edges;
}

it("has no cycle between the folders of src/", () => {
  const edges = [...folderEdges().keys()].map((e) => e.split(" → ") as [string, string]);
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) next.set(a, [...(next.get(a) ?? []), b]);
  const cycles: string[] = [];
  const visit = (node: string, path: string[]) => {
    if (path.includes(node)) return void cycles.push([...path.slice(path.indexOf(node)), node].join(" → "));
    for (const n of next.get(node) ?? []) visit(n, [...path, node]);
  };
  for (const node of next.keys()) visit(node, []);
  expect(cycles).toEqual([]);
});

it("has no import that runs back up from a lower layer", () => {
  const forbidden = (from: string, to: string) =>
    (from === "infra" && to !== "infra") ||
    (from === "outbox" &&
      [
        "conversation",
        "channels",
        "scheduled",
        "desk",
        "inbox",
        "wording",
        "groups",
        "tickets",
        "understanding",
        "main.ts",
      ].includes(to)) ||
    (from === "channels" && ["conversation", "scheduled", "desk", "wording", "main.ts"].includes(to)) ||
    (["conversation", "scheduled", "desk", "wording", "tickets", "groups", "understanding", "inbox"].includes(from) &&
      ["channels", "main.ts"].includes(to));
  const wrong = [...folderEdges()].filter(([edge]) => forbidden(...(edge.split(" → ") as [string, string])));
  expect(wrong).toEqual([]);
});
