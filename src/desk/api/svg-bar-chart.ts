// A bar chart as SVG, drawn on the server (no chart library in the page, nothing from a CDN): grouped bars
// for one or more series over labels, with the values written on the bars and a <title> for screen readers.
// Every text is escaped.
export interface Series {
  name: string;
  values: number[];
  color: string;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function svgBarChart(title: string, labels: string[], series: Series[]): string {
  const width = Math.max(360, 80 + labels.length * (24 * series.length + 24));
  const height = 280;
  const top = 40;
  const bottom = 60;
  const left = 40;
  const plot = height - top - bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const group = (width - left - 20) / Math.max(1, labels.length);
  const bar = Math.min(28, (group - 10) / Math.max(1, series.length));
  const parts: string[] = [];
  labels.forEach((label, i) => {
    const x0 = left + i * group + (group - bar * series.length) / 2;
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const h = Math.round((v / max) * plot);
      const x = x0 + j * bar;
      const y = top + plot - h;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y}" width="${(bar - 2).toFixed(1)}" height="${h}" fill="${s.color}"/>`,
      );
      parts.push(
        `<text x="${(x + bar / 2 - 1).toFixed(1)}" y="${y - 4}" font-size="11" text-anchor="middle">${v}</text>`,
      );
    });
    parts.push(
      `<text x="${(left + i * group + group / 2).toFixed(1)}" y="${top + plot + 18}" font-size="11" text-anchor="middle">${escape(label)}</text>`,
    );
  });
  const legend = series
    .map(
      (s, j) =>
        `<rect x="${left + j * 110}" y="10" width="12" height="12" fill="${s.color}"/><text x="${left + j * 110 + 18}" y="21" font-size="12">${escape(s.name)}</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(width)}" height="${height}" viewBox="0 0 ${Math.round(width)} ${height}" role="img" font-family="sans-serif"><title>${escape(title)}</title><rect width="100%" height="100%" fill="#fff"/>${legend}<line x1="${left}" y1="${top + plot}" x2="${width - 10}" y2="${top + plot}" stroke="#d1d9e0"/>${parts.join("")}</svg>`;
}
