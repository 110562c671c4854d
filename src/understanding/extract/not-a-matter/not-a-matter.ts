// Messages that are clearly not a matter for staff, whatever the classifier thinks: questions the bot
// answers itself (how to use it, when and where the reception day is), invitations and chit-chat, ads,
// notices and publicity, news forwarded from elsewhere, the deputies' own logistics, and staff's quick
// replies. A message that also names a problem ("谢谢！另外3号楼路灯又坏了") is not caught here.
import { KINDS, PERSONAL_THINGS, type NotAMatter } from "./kinds.ts";
import { PROBLEM } from "./problem-words.ts";

export type { NotAMatter } from "./kinds.ts";

/** Questions the bot answers from its own data: never a matter for staff by themselves. */
const ANSWERED_BY_THE_BOT: ReadonlySet<NotAMatter> = new Set(["bot-usage", "reception-day", "deputies", "my-status"]);

/** Talk about the group itself is never a matter, whatever words of a problem it uses ("能不能", "广告"). */
const ALWAYS_WHAT_THEY_ARE: ReadonlySet<NotAMatter> = new Set(["ad", "group"]);

/** "如果吵到大家请多包涵": a nuisance the writer apologises for in advance, which is no report. */
const APOLOGY_IN_ADVANCE = /(?:如果|要是|万一)[^。，]{0,8}(?:吵到|打扰到?|影响到?)(?:了)?(?:大家|各位|您|你们)/gu;

/** "冰箱一直嗡嗡响，是不是要坏了，哈哈": a household's own thing breaking is no problem for staff. */
const OWN_THING_BROKEN = new RegExp(`(?:${PERSONAL_THINGS})[^。]{0,12}(?:坏了|坏掉|要坏)`, "gu");

/** "物业说下个月统一处理，先等等看吧": a promise passed on, and the writer content to wait. */
const RELAYED_PROMISE =
  /说[^。]{0,12}(?:(?:统一|马上|尽快|下周|下个月|过几天|明天)[^。]{0,6}(?:处理|修|解决|安排)|(?:已经|已)(?:报|转|交|反映)(?:给|到)[^，。]{0,8})[，,。]?(?:那)?(?:就)?(?:大家)?(?:先|再)?等等(?:看)?吧?[。！!～~]*$/u;

/** A notice under its own header ("【停水通知】因管道维修…停水，请提前储水"): what it names is what staff announce, so
 * its problem words are no report. A resident's header (【求助】, 【投诉】) is not one. */
const NOTICE_HEADER = /^【[^】]{0,10}(?:通知|公告|提示|提醒|预警)】/u;

/** News forwarded from another place ("转发：某市一小区…致3人死亡"): what it names happened elsewhere. */
const NEWS_FROM_ELSEWHERE =
  /^转(?:发)?[^。：:]{0,10}[:：][^。]{0,30}(?:外地|外省|外市|其他城市|别的城市|某(?:市|地|省|县|区|镇)|致[\d一二三四五六七八九十几多]+人(?:死亡|遇难|身亡|受伤))|(?:看到|看了|刷到|听说)[^。]{0,6}(?:新闻|视频|报道)[^。]{0,10}(?:外地|外省|别的地方|别处|其他地方|国外|南方|北方|哪个城市|哪个地方|某地|别的城市|其他城市)/u;

/** "已安排维修师傅明早上门": staff saying what they did, even when it names the repair. */
const STAFF_HANDLED =
  /^(?:好的|收到(?:[^，。]{0,8}后)?)?[，,]?(?:我们)?(?:已|已经)(?:安排|派|通知|联系|转交|转)[^。]{0,12}(?:上门|过去|处理|维修|跟进|核实|办理|查看|现场|检查|勘察)|(?:问题|情况|事)(?:我们)?(?:已经?)?(?:记下|登记|记录)(?:下来)?了|(?:会|将)(?:尽快|及时|第一时间)?(?:反馈|转交|转达|上报|转给|交给)(?:给)?(?:相关部门|有关部门|街道|区里)/u;

/** "想找他反映点事": the wish to raise something, without the thing itself. */
const VAGUE_WISH = /(?:想|要|准备)(?:找[^，。]{0,4}|当面|去|来)?反映(?:一下|点|个|些)?(?:事情?|情况|问题)?/u;

/** "欢迎居民来反映问题": a notice inviting matters, not a matter itself. */
const INVITES_MATTERS =
  /(?:欢迎|请|可以)[^，。]{0,6}(?:来|前来|到场)?(?:反映|咨询|提出?)(?:问题|情况|诉求|意见|建议)?|来(?:反映|咨询)(?:问题|情况|诉求)?的/gu;

/** "能不能调到周五": asking to move a meeting, which is the deputies' logistics, not a problem. */
const SCHEDULE_CHANGE =
  /(?:能不能|能否|可不可以|可以)(?:帮忙)?(?:(?:和|跟|与)[^，。]{0,4})?(?:调|换|改|挪)(?:到|成|个|一下)?(?:班)?/u;

/** "明天下午去看一下那个违建现场，2点集合": the place a visit goes to is the visit's subject, not a problem raised. */
const VISITED_SITE =
  /(?:去|到)(?:看一下|看看|查看|实地看看?|走访)?(?:那个|这个|一下)?[^，。]{0,8}(?:现场|那边|那里|那家)/gu;

/** "接待日收集的问题整理了一下": the deputies' paperwork about matters, not a matter itself. */
const COLLECTED_MATTERS =
  /(?:收集|整理|汇总|梳理|登记)(?:的|了|到的)?[^，。]{0,4}(?:问题|意见|诉求|建议)|(?:议案|建议|意见)[^，。]{0,4}(?:征集|收集|汇总)/gu;

/** A question or a request: something is still asked of staff ("现在没事了，想问问能报销吗"). */
const ASKS = /[？?吗]|怎么|能不能|能否|希望|建议|麻烦|请|帮忙|想问/u;

/** "新年快乐！另外…", "早上好～顺便说一下…": the writer turns to another subject. */
const ANOTHER_SUBJECT = /另外|对了|顺便|还有(?:个|一个|件|一件)事/u;

/** "…但是又坏了": thanks followed by a new problem. */
const CONTRAST = /但|可是|不过|还是|又|另外|还有/u;

export function notAMatter(text: string): NotAMatter | null {
  const t = text.replace(/@\S+\s*/gu, "").trim();
  if (t === "" || /^(?:\p{Extended_Pictographic}|\p{P}|\s|\u200d|\ufe0f)+$/u.test(t)) return "chat";
  for (const [kind, re] of KINDS) {
    if (!re.test(t)) continue;
    // Questions about the bot, ads and talk about the group are what they are; anything else that names a problem is left to the
    // classifier ("【求助】3号楼停水三天了", "我请假在家，楼上装修太吵"). A question the bot answers is one
    // unless the words around it name a problem ("我反映的问题怎么样了，路灯还是不亮").
    if (kind === "thanks" && !CONTRAST.test(t)) return kind;
    // "新年快乐！另外我家暖气还是不热": chat that turns to something else is left to the classifier.
    if (kind === "chat" && ANOTHER_SUBJECT.test(t)) return null;
    if (kind === "over") return CONTRAST.test(t) || ASKS.test(t) ? null : kind;
    if (kind === "reply" && (STAFF_HANDLED.test(t) || RELAYED_PROMISE.test(t))) return kind;
    if (
      kind === "bulletin" ||
      (kind === "news" && NEWS_FROM_ELSEWHERE.test(t)) ||
      (kind === "notice" && NOTICE_HEADER.test(t))
    )
      return kind;
    if (kind === "logistics")
      return PROBLEM.test(t.replace(SCHEDULE_CHANGE, "").replace(COLLECTED_MATTERS, "").replace(VISITED_SITE, ""))
        ? null
        : kind;
    if (kind === "deputies" || kind === "my-status")
      return PROBLEM.test(t.replace(re, "").replace(VAGUE_WISH, "")) ? null : kind;
    const rest =
      kind === "notice"
        ? t.replace(INVITES_MATTERS, "")
        : kind === "chat"
          ? t.replace(APOLOGY_IN_ADVANCE, "").replace(OWN_THING_BROKEN, "")
          : t;
    if (!ANSWERED_BY_THE_BOT.has(kind) && !ALWAYS_WHAT_THEY_ARE.has(kind) && PROBLEM.test(rest)) return null;
    return kind;
  }
  return null;
}
