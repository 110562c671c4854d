// Masks personal data in text that leaves the staff's hands: anything posted to a group and anything
// sent to an LLM. The stored original stays as it was, for authorised staff only.
// Order matters: longer digit runs (ID cards, bank cards) are masked before phone numbers, and every
// pattern refuses to start or end inside a longer run of digits.

interface Rule {
  name: string;
  pattern: RegExp;
  mask: (match: string) => string;
}

/** Keeps `head` leading and `tail` trailing characters, stars in between (at least 4). */
function keepEnds(s: string, head: number, tail: number): string {
  const chars = Array.from(s);
  const hidden = Math.max(chars.length - head - tail, 0);
  return chars.slice(0, head).join("") + "*".repeat(Math.max(hidden, 4)) + chars.slice(chars.length - tail).join("");
}

const PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

export const RULES: readonly Rule[] = [
  // 18-digit resident ID (last may be X), and the old 15-digit form.
  { name: "id-card", pattern: /(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g, mask: (m) => keepEnds(m, 3, 4) },
  // The same ID typed in groups ("4401 0619 9001 0112 34"), before the bank-card rule takes its first 16 digits.
  {
    name: "id-card-grouped",
    pattern: /(?<![\dA-Za-z])\d(?:[ -]?\d){16}[ -]?[\dXx](?![\dA-Za-z])/g,
    mask: (m) => keepEnds(m.replace(/[ -]/g, ""), 3, 4),
  },
  // Bank cards: 16–19 digits, optionally grouped by spaces or dashes.
  {
    name: "bank-card",
    pattern: /(?<!\d)\d{4}(?:[ -]?\d{3,4}){3,4}(?!\d)/g,
    mask: (m) => {
      const digits = m.replace(/[ -]/g, "");
      return digits.length >= 16 && digits.length <= 19 ? keepEnds(digits, 4, 4) : m;
    },
  },
  // Mainland mobile numbers, with or without +86 / 86 and separators.
  {
    name: "mobile",
    pattern: /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g,
    mask: (m) => keepEnds(m.replace(/[ -]/g, "").replace(/^\+?86/, ""), 3, 4),
  },
  // A mobile number spoken in words, as voice-to-text writes it ("一三八一二三四五六七八").
  {
    name: "mobile-in-words",
    pattern:
      /(?<![零〇一二三四五六七八九幺])[一幺]\s?[三四五六七八九](?:\s?[零〇一二三四五六七八九幺]){9}(?![零〇一二三四五六七八九幺])/gu,
    mask: (m) => keepEnds(m.replace(/\s/g, ""), 3, 4),
  },
  // Landlines: area code 0xx(x) and 7–8 digits.
  { name: "landline", pattern: /(?<!\d)0\d{2,3}[ -]?\d{7,8}(?!\d)/g, mask: (m) => keepEnds(m, 4, 2) },
  // Vehicle plates: province, letter, 5 (or 6 for new-energy) letters/digits.
  {
    name: "plate",
    pattern: new RegExp(`[${PROVINCES}][A-HJ-NP-Z][·•]?[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])`, "g"),
    mask: (m) => keepEnds(m.replace(/[·•]/, ""), 2, 1),
  },
  {
    name: "email",
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
    mask: (m) => `${m[0]}****@${m.split("@")[1]}`,
  },
];

/** Someone naming themselves: "我叫张伟" → "我叫张*"; "我是3号楼的王阿姨" → "我是3号楼的某阿姨". */
const SELF_NAMED = /(我叫|我的名字(?:是|叫)|本人(?:叫|姓名))([\u4e00-\u9fa5])([\u4e00-\u9fa5]{1,2})/gu;
const SELF_TITLED =
  /(我是[^，。！？,.!?]{0,10}?)([\u4e00-\u9fa5])(阿姨|大爷|大妈|叔叔|奶奶|爷爷|婆婆|伯伯|师傅|女士|先生|老师)/gu;

export function maskPersonalData(text: string): string {
  return RULES.reduce((t, r) => t.replace(r.pattern, r.mask), text)
    .replace(
      SELF_NAMED,
      (_m, lead: string, surname: string, given: string) => `${lead}${surname}${"*".repeat(given.length)}`,
    )
    .replace(SELF_TITLED, (_m, lead: string, _surname: string, title: string) => `${lead}某${title}`);
}

/** Room numbers, masked in what is posted to a group (staff keep them): "2栋502" → "2栋***", "3-2-501" → "3-2-***". */
const ROOM = /((?:栋|号楼|幢|座|单元)|(?<!\d)\d{1,2}-\d{1,2}-)(\d{3,4})(?!\d)/gu;

/** What a group post may show: personal data and room numbers masked. */
export function maskForPost(text: string): string {
  return maskPersonalData(text).replace(ROOM, (_m, lead: string, room: string) => `${lead}${"*".repeat(room.length)}`);
}
