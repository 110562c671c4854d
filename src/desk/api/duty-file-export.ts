// A deputy's duty file (履职档案) as the documents committees file: XLSX (a sheet of particulars and points, a sheet
// of activities) and DOCX laid out like the paper form (title, particulars table, points by kind, activities table).
import type { DutyFile } from "../../ledger/duty-file.ts";
import { xlsxWorkbook } from "./xlsx.ts";

const ENTRY_HEADER = ["日期", "履职类别", "内容", "依据"];

function particulars(f: DutyFile): Array<[string, string]> {
  return [
    ["代表姓名", f.name],
    ["所在代表联络群", f.groups.join("、")],
    ["统计期", f.period],
    ["履职积分", String(f.points?.total ?? 0)],
    ["排名", f.points ? String(f.points.rank) : "—"],
    ["未反映社情民意的月份", f.points?.monthsWithoutOpinion.join("、") || "无"],
  ];
}

export function dutyFileXlsx(f: DutyFile): Promise<Buffer> {
  return xlsxWorkbook([
    {
      name: "基本情况",
      header: ["项目", "内容"],
      rows: [
        ...particulars(f),
        ...(f.points?.breakdown ?? []).map((b) => [`${b.label}`, `${b.count} 次，${b.points} 分`]),
      ],
    },
    { name: "履职记录", header: ENTRY_HEADER, rows: f.entries.map((e) => [e.date, e.label, e.note, e.evidence]) },
  ]);
}

export async function dutyFileDocx(f: DutyFile): Promise<Buffer> {
  const { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    await import("docx");
  const run = (text: string, opts: { bold?: boolean; size?: number } = {}) =>
    new TextRun({ text, font: "SimSun", size: opts.size ?? 21, bold: opts.bold });
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [run(text, { bold })] })] });
  const table = (header: string[] | null, rows: string[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        ...(header ? [new TableRow({ tableHeader: true, children: header.map((x) => cell(x, true)) })] : []),
        ...rows.map((r) => new TableRow({ children: r.map((x, i) => cell(x, header === null && i === 0)) })),
      ],
    });
  const heading = (text: string) =>
    new Paragraph({ spacing: { before: 240, after: 120 }, children: [run(text, { bold: true, size: 28 })] });
  const doc = new Document({
    creator: "民意 Minyi",
    title: `${f.name}履职档案`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(`人大代表履职档案（${f.period}）`, { bold: true, size: 36 })],
          }),
          table(null, particulars(f)),
          heading("履职积分明细"),
          table(
            ["履职类别", "次数", "积分"],
            (f.points?.breakdown ?? []).map((b) => [b.label, String(b.count), String(b.points)]),
          ),
          heading("履职记录"),
          table(
            ENTRY_HEADER,
            f.entries.map((e) => [e.date, e.label, e.note, e.evidence]),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
