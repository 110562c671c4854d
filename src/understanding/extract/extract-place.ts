// Places residents name: estates (小区/花园/苑…), buildings and units (3栋、5号楼、2单元), roads and
// junctions (和平路与建设路交叉口), and landmarks (菜市场、公园、学校门口). Returned in order of appearance,
// longest first where they overlap, without duplicates.

/** A name is a short run of Han letters and digits without function words or "where" words. */
const NAME = "[^\\s\\p{P}的了在是有与跟我们这那个门口里上下前后旁边附近对面楼栋幢单元号]{1,8}?";

const PATTERNS: readonly RegExp[] = [
  // junctions: 和平路与建设路交叉口 / 人民路和解放路路口
  new RegExp(`${NAME}(?:路|街|大道)[与和跟同](?:${NAME})(?:路|街|大道)(?:交叉口|交汇处|路口|十字路口)?`, "gu"),
  // estates and compounds
  new RegExp(`${NAME}(?:小区|花园|家园|新村|公寓|大厦|广场|苑|府|城|村|社区)(?:[一二三四五六七八九十\\d]+期)?`, "gu"),
  // buildings, units, rooms
  /[一二三四五六七八九十\d]+(?:号楼|栋|幢|座)(?:[一二三四五六七八九十\d]+单元)?(?:\d+室)?/gu,
  // roads, streets, lanes (with an optional section or number)
  new RegExp(`${NAME}(?:路|街|大道|巷|胡同|大街)(?:[东西南北中]段|\\d+号)?`, "gu"),
];

/**
 * Words that end like a place but are not one ("马路", "道路", "这条街", "一栋" …), and a wish addressed to
 * the community ("希望社区能办个老年食堂") rather than a place named 希望社区.
 */
const NOT_A_PLACE =
  /^(?:马路|道路|公路|这条路|那条路|这条街|这个小区|我们小区|本小区|小区|社区|路|街|一栋|这栋|我们村|村里|(?:希望|建议|要求|请求|恳请|请)(?:社区|小区|街道))$/u;

/** Leading words that are not part of the name. */
const LEADING = /^(?:我们|我家|我住|住在|位于|在|家住|就在|请问|反映|关于|附近的|附近|门口的|的)+/u;

export function extractPlaces(text: string): string[] {
  const found: Array<{ start: number; end: number; value: string }> = [];
  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      let value = m[0];
      let start = m.index!;
      const lead = LEADING.exec(value);
      if (lead) {
        value = value.slice(lead[0].length);
        start += lead[0].length;
      }
      if (value.length < 2 || NOT_A_PLACE.test(value)) continue;
      const end = start + value.length;
      if (found.some((f) => f.start <= start && end <= f.end)) continue; // inside a longer place
      for (let i = found.length - 1; i >= 0; i--)
        if (start <= found[i]!.start && found[i]!.end <= end) found.splice(i, 1);
      found.push({ start, end, value });
    }
  }
  return [...new Set(found.sort((a, b) => a.start - b.start).map((f) => f.value))];
}
