// Places residents name, read from the (masked) text as a structured place: an estate, road or landmark
// with its building, unit, room and the part meant (门口, 北门, 楼顶, 地下车库 …), e.g. 桃源居3栋门口,
// 人民路菜市场门口, 文化路和新华路交叉口, 御景华庭6-1-302. Names are taken leftwards from a place word
// (小区, 苑, 湾, 路, 菜市场 …) and stop at words that cannot be part of a name ("反映", "建议把", "我们"),
// so a fragment of a sentence is never returned as a place. Known names (a group's gazetteer) are found
// as they are. Relative places (旁边, 楼下, 我们小区) are not places.

import { EMPTY_GAZETTEER, type Gazetteer } from "./gazetteer.ts";

export interface Place {
  /** The span as written, e.g. "桃源居3栋门口". */
  raw: string;
  estate?: string;
  road?: string;
  landmark?: string;
  building?: string;
  unit?: string;
  room?: string;
  part?: string;
}

type Kind = "estate" | "road" | "landmark" | "building" | "unit" | "room" | "part" | "join";

interface Atom {
  kind: Kind;
  start: number;
  end: number;
  text: string;
}

const NUM = "[0-9一二三四五六七八九十百两]";
/** One-character place words are not followed by what makes them another word (居民, 园区, 城市, 村委 …); a
 * 社区 followed by what it is asked to do ("希望社区能…") is the one addressed, not a place. */
const ESTATE_SUFFIX =
  "小区|社区(?![医卫服工干居委里能可会帮给派组织来出多要应尽再加把对])|花园|家园|新村|新城|公寓|大厦|山庄|公馆|天地|家属院|大院|宿舍|丽景|华庭|名苑|雅苑|苑|园(?![区林艺丁])|府(?![办])|城(?![市管乡区建])|湾(?![区])|居(?![民住委家室])|庭(?![院审])|坊|名邸|邸|村(?![民委干集口])";
const LANDMARK_SUFFIX =
  "大楼|办事处|农贸市场|菜市场|市场|超市|商场|购物中心|书店|邮局|电影院|影院|酒店|宾馆|剧院|博物馆|美术馆|少年宫|敬老院|养老院|福利院|公园|广场|小学|中学|大学|幼儿园|学校|医院|卫生院|卫生服务中心|诊所|地铁站|公交站|火车站|汽车站|车站|站(?![台点长在着起了住满成到岗队出不稳立])|体育馆|图书馆|文化站|活动中心|派出所|银行|加油站|停车场|工地|大桥|桥|隧道|菜场|河(?![道水边里面上中])|湖(?![水边里面上中])";
/** 弄 (a lane) only with its number ("长乐路338弄"): alone it is the verb 弄 ("在手机上弄"). */
const ROAD_SUFFIX = "大道|大街|胡同|路(?![灯面况线费径]|过(?![去来]))|街(?![道办])|巷";
const PART =
  "西岸|东岸|南岸|北岸|岸边|村口|地下车库|地下室|地库|车库|楼顶|天台|楼梯口|楼道|出站口|[A-Z]出口|出口|入口|十字路口|交叉口|路口|门口|大门|北门|南门|东门|西门|侧门|后门|[A-Z]口|\\d+号口|[东西南北]口";

/** Chain stores named without a place word ("大润发门口"): landmarks everywhere. */
const CHAIN_STORES =
  /(?:大润发|沃尔玛|家乐福|永辉|物美|华润万家|苏果|盒马|世纪联华|联华超市|麦德龙|山姆会员店|宜家|苏宁|国美|肯德基|麦当劳)(?:超市|商场|广场|门店|店)?/gu;
/** A bus route's number before 路 ("坐二十三路", "公交二十三路"). */
const BUS_ROUTE = new RegExp(`(?:^|公交车?|巴士|坐|乘|搭|的)${NUM}+$`, "u");
/** Characters that never belong to a name (不 and 没: 看不清路, 找不到路 are a verb and its object). */
const STOP = new Set(
  "不没的了着在是有离找及我你他她它们咱俺这那哪个些把被让给说讲请要想问能会也都还就得种么吗呢吧啊呀哦嘛很太最更又再刚已正将从往对于为线因所但而且或每各该此其谁啥咋怎样多少几下外旁边附近对面隔壁层过门口楼栋幢条段半比做去走",
);
/** 都 is "all" (大家都…), except in names: 丽都, 成都, 首都 …, 都市, 都会. */
const NAME_BEFORE_DU = /[丽成首京新帝花南北盛锦华金名雅商御悦凯汇星宝]/u;
/** A name never runs back over another road's suffix ("文化路和新华路": 新华, not 化路和新华). */
const ROAD_CHARS = new Set("路街巷道");
/** Words after which a name starts (the last one in a run cuts it). */
const CUT =
  /[零一二三四五六七八九十两]+点(?:半|钟|多)?|名义|集资|反映|举报|投诉|建议|请问|想问|问问|能不能|要求|我们|俺们|咱们|你们|这种|那种|那个|这个|居民|群众|还有|就是|但是|因为|所以|然后|后来|当时|改成|铺成|变成|做成|弄成|当成|改为|建成|回家|上班|下班|放学|上学|增设|增加|加装|设置|开设|修建|新增|搭建|一[家个所座间处张]|起初|原来|本来|结果|最后|接着|随后|还是|或者|比如|特别|非常|已经|一直|每天|天天|今天|昨天|明天|昨晚|今晚|明晚|前晚|昨夜|今早|前天|后天|上周|下周|本周|这周|现在|刚才|以前|之前|以后|之后|以来|整个|全部|所有|好多|很多|轮到|关于|位于|住在|家住|就在|来到|到了|路过|经过|门前|麻烦|公办|私立|民办|普惠|这片|片上|时候|(?:中秋|春|端午|元宵|国庆|重阳|清明|劳动|儿童|妇女)节|知道|听说|看到|看见|认识|觉得|感觉|发现|感谢|谢谢|多谢|辛苦|拜托|联系|通知|周[一二三四五六日末天]|地方|那里|这里|哪里|家里|屋里|村里|心里|夜里|小区里|孩子|明年|今年|去年|后年|年底|年初|星期|礼拜/gu;
/** Names that are not names: a generic word before the place word. */
const GENERIC =
  /^(?:办公|教学|综合|行政|住宅|高速公?|国道|省道|县道|机耕|田间|生产|乡间|村村通|(?:代表)?联络|无证|无照|黑|非法|私人|暴雨|大雨|小雨|下雨|雨|大风|刮风|下雪|大雪|台风|划片|对口|公立|私立|民办|重点|老|旧|新|本|该|此|大|小|各|某|老旧|整个|附近|周边|隔壁|同|一个|这边|那边|公|幼儿|菜|校|乐|动物|植物|工业|产业|家|院|社区|街道|小区|学校|医院|马|公|道|公路|老年|儿童|青少年|成人|职业|残疾人|妇幼|小吃|美食|步行|商业|水泥|柏油|沥青|石子|砂石|石板|泥巴|泥土|土|城中|某[^\s]{0,4}|(?:小区|社区|厂区|园区|校区)[主内]|[一二三两几多]+(?:站|段|条|截|趟))$/u;
/**
 * A name holding a whole place word before its end is two places ("金桥花园儿童乐园"): the inner one is found
 * on its own. At the end it is one ("希望家园小区").
 */
const INNER_PLACE = /(?:花园|小区|公园|广场|市场|家园|新村|大厦|学校)(?!$)/u;
/** What "里" after it means "inside": 电梯里, 楼道里, 家里, 小区里 … */
const NOT_BEFORE_LI =
  /(?:政策|文件|材料|系统|程序|流程|手续|规定|合同|名单|表格|软件|网上|群聊|闸|表|机|器|道|边|面|头|底|上|中|内|电梯|楼道|楼梯|家|屋|心|夜|车库|车|店|群|院子|院|小区|社区|单元|走廊|房间|厨房|卫生间|客厅|卧室|学校|医院|公园|市场|菜场|村|城|梦|手|眼|地下室|水|河|锅|柜|箱|包|池|井|管|桶|盒|杆|缝|堆|丛|圈|窝|坑|洞|沟|风|雨|雪|雾|烟|火|泥|户|窗|门|子|堂|位|栓|箱|柜|桶|池|管|罐|盒|袋|瓶|锅|缸|带|坪|林|田|房|廊|棚|亭)$/u;

/** What follows an estate named 里: a building or lane number, the estate itself, a market, a part, or the area
 * around it ("和平里那片", "安贞里一带"). */
const ESTATE_LI_AHEAD = new RegExp(
  `^(?:${NUM}+(?:号|栋|幢|单元|弄)|小区|社区|菜场|菜市场|市场|${PART}|[那这]一?片|一带|片区)`,
  "u",
);

/** A building number right after a name ("春风里4号楼"). */
const BUILDING_AHEAD = new RegExp(`^${NUM}+(?:号楼|栋|幢|单元)`, "u");

/** Words that end like a place but are not one. */
const COMMON_WORDS =
  /^(?:政府|王府|学府|官府|首府|府邸|官邸|作坊|磨坊|染坊|油坊|家庭|邻居|独居|民居|新居|家居|定居|安居|同居|故居|乐园|校园|菜园|果园|庄园|田园|家园|城里|村里|农村|乡村|渔村)$/u;
/** A one-character name ("翠苑") only after a boundary or a word that leads to a place. */
const BEFORE_SHORT_NAME = /[\s\p{P}们在住是到]/u;

/** The name written right before position `end`: at most 6 characters, cut at stop characters and cut words. */
/** `road`: the name of a road (it may hold a place word, 公园路, but never another road's suffix). */
function nameBefore(text: string, end: number, road = false): string | null {
  const allowInnerPlace = road;
  let start = end;
  while (start > 0 && end - start < 6) {
    const ch = text[start - 1]!;
    const du = ch === "都" && (NAME_BEFORE_DU.test(text[start - 2] ?? "") || /[市会]/u.test(text[start] ?? ""));
    // 东门菜市场, 南门小学: a gate named by its direction begins the name.
    const gate = ch === "门" && /[东西南北]/u.test(text[start - 2] ?? "");
    if (gate) {
      start -= 2;
      break;
    }
    // 阳光100小区: a number of two or more digits right before the place word, after a name, is part of the name.
    if (start === end && /\d/u.test(ch)) {
      let digits = start - 1;
      while (digits > 0 && /\d/u.test(text[digits - 1]!)) digits--;
      const before = text[digits - 1] ?? "";
      if (start - digits >= 2 && /\p{Script=Han}/u.test(before) && !STOP.has(before)) {
        start = digits;
        continue;
      }
    }
    if ((STOP.has(ch) && !du) || (allowInnerPlace && ROAD_CHARS.has(ch)) || /[\s\p{P}\p{S}0-9A-Za-z]/u.test(ch)) break;
    start--;
  }
  let name = text.slice(start, end);
  let cut = 0;
  for (const m of name.matchAll(CUT)) cut = m.index! + m[0].length;
  // "8点代表…": the digits stopped the name at a clock time's 点.
  if (cut === 0 && name.startsWith("点") && /\d/u.test(text[end - name.length - 1] ?? "")) cut = 1;
  // "桥南路跟滨河…": a road and a join before it make an intersection; the name starts after the join.
  for (const m of name.matchAll(/[路街巷道][和与跟同]/gu)) cut = Math.max(cut, m.index! + 2);
  name = name.slice(cut);
  // "上个月小区…", "这个月…": the month of a date, left behind where the measure word stopped the name.
  if (name.startsWith("月") && /[个本这上下]/u.test(text[end - name.length - 1] ?? "")) name = name.slice(1);
  // "…路和新华路": the join belongs to the intersection, not to the second name.
  if (/^[和与跟同]/u.test(name) && ROAD_CHARS.has(text[end - name.length - 1] ?? "")) name = name.slice(1);
  if (name.length === 0 || GENERIC.test(name) || (!allowInnerPlace && INNER_PLACE.test(name))) return null;
  const before = text[end - name.length - 1];
  if (name.length === 1 && before !== undefined && !BEFORE_SHORT_NAME.test(before)) return null;
  if (COMMON_WORDS.test(text.slice(end - 1, end + 1))) return null; // 邻居, 独居 …: the word, not a name
  if (!road && /[上去到进读念回]$/u.test(name)) return null; // 上小学, 去医院: a verb before a place word
  // 能上建设路小学, 想去人民医院: the verb after a modal is not part of the name; nor is 住 ever (我住翠苑3栋).
  if (
    (/^[上去到进回读念]/u.test(name) &&
      name.length >= 3 &&
      /[能要想会得可来送带\s\p{P}]/u.test(text[end - name.length - 1] ?? "")) ||
    /^住./u.test(name)
  ) {
    name = name.slice(1);
    if (GENERIC.test(name)) return null; // 去社区医院: any clinic of the kind, not a named one
  }
  if (/^[上去到进回]/u.test(name) && GENERIC.test(name.slice(1))) return null; // 去大医院: any hospital of the kind
  if (/^[建盖修]/u.test(name) && GENERIC.test(name.slice(1))) return null; // 建工业园: a verb and a kind of place
  if (/(?:幼儿|公|乐|动物|植物|菜|校|果|花|家)$/u.test(name) && text[end] === "园") return null;
  // 跳河, 掉河里, 下湖: a verb and the water, not a river named "跳".
  if (/^[河湖]/u.test(text[end] ?? "") && /[跳掉落下进过沿渡游淹冲]$/u.test(name)) return null; // 幼儿园, 公园 … are landmarks
  // 跑路, 走路, 让路, 堵路, 修路, 漫到路上: a verb and its object, not a road named "跑".
  if (text[end] === "路" && /[跑走带让堵问引拦挡绕赶迷抢到修铺挖封占]$/u.test(name)) return null;
  // 快递驿站, 充电站, 加油站, 垃圾站 …: a kind of facility, not a named station ("建设路站").
  if (
    text[end] === "站" &&
    /(?:驿|充电|加油|公交|地铁|服务|收费|检查|回收|中转|车|基|垃圾|环卫|废品|岗|警务|泵|变电|农技|农机|兽医|水文|气象)$/u.test(
      name,
    )
  )
    return null;
  // 坐两站, 三公里, 走了几里: a distance counted, not a named station or estate.
  if (/^[站里]/u.test(text[end] ?? "") && /(?:[一二三四五六七八九十百千两几半多]|公|英)$/u.test(name)) return null;
  return name;
}

function atoms(text: string, gazetteer: Gazetteer): Atom[] {
  const found: Atom[] = [];
  const add = (kind: Kind, start: number, end: number) =>
    found.push({ kind, start, end, text: text.slice(start, end) });
  for (const name of gazetteer.names) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) add("estate", i, i + name.length);
  }
  for (const m of text.matchAll(CHAIN_STORES)) add("landmark", m.index!, m.index! + m[0].length);
  const named = (kind: Kind, suffix: string, minName: number, tail: string) => {
    for (const m of text.matchAll(new RegExp(`(?:${suffix})(?:${tail})?`, "gu"))) {
      const name = nameBefore(text, m.index!, kind === "road"); // 公园路, 广场路: roads named after places
      // 东大街, 西大道: a direction alone names a main street.
      const directionStreet =
        kind === "road" && name !== null && /^[东西南北中]$/u.test(name) && /^大[街道]/u.test(m[0]);
      if (name === null || (name.length < minName && !directionStreet) || (kind === "road" && name.endsWith("马")))
        continue; // 马路: any road
      // 二十三路, 公交12路: a bus route, not a road.
      if (kind === "road" && m[0] === "路" && BUS_ROUTE.test(name)) continue;
      add(kind, m.index! - name.length, m.index! + m[0].length);
    }
  };
  named("landmark", LANDMARK_SUFFIX, 2, `${NUM}+号`);
  named("road", ROAD_SUFFIX, 2, `[东西南北中]段|${NUM}+号院?|\\d+弄`);
  named("estate", ESTATE_SUFFIX, 1, `${NUM}+期`);
  // 安康里, 和平里: "里" names an estate only after a real name, not after 电梯, 楼道, 家 …
  for (const m of text.matchAll(/里/gu)) {
    const name = nameBefore(text, m.index!);
    // 噼里啪啦, 稀里糊涂: a sound or a manner, not a place.
    if (/[啪哗咕糊巴]/u.test(text[m.index! + 1] ?? "")) continue;
    if (!name || name.length < 2) continue;
    // 春风里4号楼: a name of weather words ("在风里" is inside the wind) is an estate when a building follows.
    const inside =
      NOT_BEFORE_LI.test(name) && !(/[风雨雪雾]$/u.test(name) && BUILDING_AHEAD.test(text.slice(m.index! + 1)));
    // 宣传栏里, 花坛里: inside a thing. An estate named 里 is followed by what is in it (安康里5栋, 和平里菜场,
    // 春风里小区门口), so only that makes it one.
    if (!inside && ESTATE_LI_AHEAD.test(text.slice(m.index! + 1))) add("estate", m.index! - name.length, m.index! + 1);
  }
  for (const m of text.matchAll(new RegExp(`\\d+-\\d+(?:-\\d{3,4})?(?!\\d)`, "gu")))
    add("room", m.index!, m.index! + m[0].length);
  // 5号线 is a metro line, not a building.
  for (const m of text.matchAll(new RegExp(`${NUM}+(?:号楼|栋|幢|座|#楼|号院|号(?!线))`, "gu")))
    add("building", m.index!, m.index! + m[0].length);
  // B座, C栋: a lettered building.
  for (const m of text.matchAll(/(?<![A-Za-z])[A-H](?:座|栋|幢)/gu)) add("building", m.index!, m.index! + m[0].length);
  for (const m of text.matchAll(new RegExp(`${NUM}+单元`, "gu"))) add("unit", m.index!, m.index! + m[0].length);
  for (const m of text.matchAll(/\d{3,4}(?:室|房)?(?=\D|$)/gu)) add("room", m.index!, m.index! + m[0].length);
  for (const m of text.matchAll(new RegExp(PART, "gu"))) add("part", m.index!, m.index! + m[0].length);
  for (const m of text.matchAll(/[和与跟同]/gu)) add("join", m.index!, m.index! + 1);
  return found;
}

/** Longest atoms win where they overlap (an estate name found inside a longer landmark, say). */
function withoutOverlaps(list: Atom[]): Atom[] {
  const sorted = [...list].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Atom[] = [];
  for (const a of sorted) if (!kept.some((k) => a.start < k.end && k.start < a.end)) kept.push(a);
  return kept.sort((a, b) => a.start - b.start);
}

const NAMED = new Set<Kind>(["estate", "road", "landmark"]);

/** Adjacent atoms make one place; a place needs a name, a building or a unit (a part alone is not one). */
function spans(list: Atom[]): Atom[][] {
  const groups: Atom[][] = [];
  for (const a of list) {
    const last = groups.at(-1);
    const prev = last?.at(-1);
    if (last && prev && prev.end === a.start && !(a.kind === "join" && prev.kind !== "road")) last.push(a);
    else groups.push([a]);
  }
  return groups
    .map((g) => (g.at(-1)?.kind === "join" ? g.slice(0, -1) : g))
    .filter((g) =>
      g.some(
        (a) =>
          NAMED.has(a.kind) ||
          a.kind === "building" ||
          a.kind === "unit" ||
          (a.kind === "room" && a.text.includes("-")),
      ),
    )
    .filter((g) => !(g.length === 1 && g[0]!.kind === "room" && !g[0]!.text.includes("-")));
}

function structured(group: Atom[], text: string, gazetteer: Gazetteer): Place {
  const place: Place = { raw: text.slice(group[0]!.start, group.at(-1)!.end) };
  for (const a of group) {
    if (a.kind === "join") continue;
    place[a.kind] ??= a.kind === "estate" ? (gazetteer.nameOf.get(a.text) ?? a.text) : a.text;
  }
  return place;
}

/** Every place named, most specific first (the most parts, then the earliest). */
/** 「…」: a message quoted in a reply. */
const QUOTED = /「[^」]*」/gu;

export function extractStructuredPlaces(text: string, gazetteer: Gazetteer = EMPTY_GAZETTEER): Place[] {
  const groups = spans(withoutOverlaps(atoms(text, gazetteer)));
  const quotes = [...text.matchAll(QUOTED)].map((m) => [m.index!, m.index! + m[0].length] as const);
  // "「3号楼又停水了」我们5号楼也是": the writer's own place comes before the one in the message they quote.
  const quoted = (g: Atom[]) => (quotes.some(([from, to]) => g[0]!.start >= from && g[0]!.start < to) ? 1 : 0);
  return groups
    .map((g, i) => ({
      g,
      i,
      quoted: quoted(g),
      weight: g.filter((a) => a.kind !== "join").length + (g.some((a) => NAMED.has(a.kind)) ? 1 : 0),
    }))
    .sort((a, b) => a.quoted - b.quoted || b.weight - a.weight || a.i - b.i)
    .map(({ g }) => structured(g, text, gazetteer));
}

/** The places as written, most specific first. */
export function extractPlaces(text: string, gazetteer: Gazetteer = EMPTY_GAZETTEER): string[] {
  return [...new Set(extractStructuredPlaces(text, gazetteer).map((p) => p.raw))];
}
