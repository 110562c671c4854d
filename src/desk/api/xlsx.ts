// Excel workbooks (exceljs), for the exports the 通报 is made from. exceljs is loaded on the first export
// only: it is large, and most processes never export.
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface Sheet {
  name: string;
  header: string[];
  rows: Iterable<unknown[]> | AsyncIterable<unknown[]>;
}

export async function xlsxWorkbook(sheets: Sheet[]): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "民意 Minyi";
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow(s.header).font = { bold: true };
    for await (const row of s.rows) sheet.addRow(row);
    sheet.columns.forEach((c) => (c.width = 16));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
