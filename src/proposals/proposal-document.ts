// A proposal (代表建议) as a document: Markdown, and DOCX laid out like the paper form committees use (the title
// centred, the proposer's line, 一、案由 二、现状与问题 三、原因分析 四、具体建议 with numbered suggestions, and
// 附：相关工单 as a table). DOCX through the `docx` package, loaded on first use.
import type { ProposalSections } from "./proposal-draft.ts";

export interface ProposalDocument {
  number: string;
  title: string;
  deputyName: string | null;
  /** Shanghai date, YYYY-MM-DD. */
  date: string;
  sections: ProposalSections;
  tickets: Array<{ number: string; date: string; place: string | null; status: string }>;
}

const HEADINGS = ["一、案由", "二、现状与问题", "三、原因分析", "四、具体建议"] as const;

function bodyOf(s: ProposalSections): Array<[string, string[]]> {
  return [
    [HEADINGS[0], [s.cause]],
    [HEADINGS[1], [s.situation]],
    [HEADINGS[2], [s.analysis]],
    [HEADINGS[3], s.suggestions.map((x, i) => `${i + 1}. ${x}`)],
  ];
}

const proposer = (d: ProposalDocument) =>
  `建议编号：${d.number}\u3000提出代表：${d.deputyName ?? "（待填）"}\u3000日期：${d.date}`;

export function proposalMarkdown(d: ProposalDocument): string {
  const lines = [`# ${d.title}`, "", proposer(d), ""];
  for (const [heading, paragraphs] of bodyOf(d.sections)) lines.push(`## ${heading}`, "", ...paragraphs, "");
  lines.push("## 附：相关工单", "", "| 工单编号 | 反映日期 | 地点 | 办理状态 |", "|---|---|---|---|");
  for (const t of d.tickets) lines.push(`| ${t.number} | ${t.date} | ${t.place ?? "—"} | ${t.status} |`);
  return `${lines.join("\n")}\n`;
}

export async function proposalDocx(d: ProposalDocument): Promise<Buffer> {
  const { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    await import("docx");
  const FONT = "SimSun";
  const run = (text: string, opts: { bold?: boolean; size?: number } = {}) =>
    new TextRun({ text, font: FONT, size: opts.size ?? 28, bold: opts.bold });
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [run(text, { bold, size: 21 })] })] });
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(d.title, { bold: true, size: 36 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(proposer(d), { size: 24 })],
    }),
  ];
  for (const [heading, paragraphs] of bodyOf(d.sections)) {
    children.push(new Paragraph({ spacing: { before: 200 }, children: [run(heading, { bold: true })] }));
    for (const p of paragraphs) children.push(new Paragraph({ indent: { firstLine: 560 }, children: [run(p)] }));
  }
  children.push(new Paragraph({ spacing: { before: 200 }, children: [run("附：相关工单", { bold: true })] }));
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ["工单编号", "反映日期", "地点", "办理状态"].map((h) => cell(h, true)),
      }),
      ...d.tickets.map(
        (t) => new TableRow({ children: [t.number, t.date, t.place ?? "—", t.status].map((x) => cell(x)) }),
      ),
    ],
  });
  const doc = new Document({
    creator: "民意 Minyi",
    title: d.title,
    sections: [{ children: [...children, table] }],
  });
  return Packer.toBuffer(doc);
}
