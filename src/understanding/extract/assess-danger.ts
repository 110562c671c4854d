// Danger to life or safety, which goes to 即时转办 (immediate transfer). High recall is the point: each
// hazard is described by the ways people say it in a chat (any phrasing of someone shut in a lift, a
// smell of gas, sparks, water coming into homes …), and then cancelled only by what makes it not a
// present danger: it is over or was in the past, it is a notice, news or a joke, or the words are part
// of something harmless (没电梯, 加装电梯, 火锅店, 困难补助, 电费, 燃气费, 停电通知, 消防通道被占 without fire).
// Each hazard carries the advice the resident gets at once (119 / 120 / 110 / the gas company …).

export type Advice = "gas" | "fire" | "medical" | "police" | "lift" | "electric" | "collapse" | "flood" | "rescue";

export interface Danger {
  /** What the danger is, in words staff read, e.g. "燃气泄漏". */
  reason: string;
  /** Null when the kind of danger is not known (an LLM judged it urgent): the general advice line. */
  advice: Advice | null;
  /** Where the matter belongs (a level2 of assets/taxonomy.json): the danger decides the category. */
  level2: string;
}

interface Hazard extends Danger {
  advice: Advice;
  /** Any of these says the hazard is there. */
  cues: RegExp;
  /** The hazard's own "not really": e.g. a lift with nobody in it. */
  unless?: RegExp;
}

const HAZARDS: readonly Hazard[] = [
  {
    reason: "燃气泄漏",
    level2: "供水供电供气",
    advice: "gas",
    cues: /燃气味|煤气味|天然气味|液化气味|臭鸡蛋味|(?:燃气|煤气|天然气|液化气|气管|燃气管|煤气罐)[^，。！？\s]{0,4}(?:漏|泄)|漏气|闻到.{0,4}(?:气味|味儿).{0,6}(?:燃气|煤气)|(?:燃气|煤气|天然气|液化气)[^。]{0,8}(?:没关|忘关|味儿?|飘)/u,
  },
  {
    reason: "火情",
    level2: "消防安全",
    advice: "fire",
    cues: /着火|起火|失火|火灾|火苗|明火|烧起来|冒(?:黑|浓|白)?烟|浓烟|火光|火势|爆炸|炸了/u,
  },
  {
    reason: "有人被困电梯",
    level2: "电梯安全",
    advice: "lift",
    cues: /(?:困|关|卡|锁)(?:在)?(?:了)?电梯|电梯[^，。！？]{0,12}(?:困(?!难)|关在|卡住|卡在|出不来|里面有人|有人在里|困人)|(?:电梯|轿厢)(?:里|内)[^，。]{0,10}(?:出不来|困|按.{0,4}(?:铃|警铃))|被关.{0,4}电梯|电梯[^。]{0,20}(?:人在里面|在里面|在里头|里面还有|里面有|里头有)|电梯[^。]{0,8}(?:急坠|下坠|往下掉|溜梯|冲顶)/u,
    unless: /没(?:有)?(?:人)?困|没困过|未困|无人被困|没人在里|里面没人/u,
  },
  {
    reason: "漏电、电线或火花",
    level2: "供水供电供气",
    advice: "electric",
    cues: /漏电|触电|带电(?![动瓶池车])|电火花|冒火花|火花|电线[^，。！？]{0,8}(?:掉|断|垂|耷拉|裸露|落|压)|(?:压|掉|搭)在电线上|压着[^，。]{0,6}电线|变压器[^，。！？]{0,8}(?:冒|炸|响|烧)|电箱[^，。]{0,6}(?:冒|烧|响)|(?:电线|电缆|电箱|电表|插座|插头|配电|线路)[^。]{0,10}(?:火星|火花|冒烟|烧焦|焦糊|噼啪|滋滋)|火星子/u,
  },
  {
    reason: "坍塌或高处坠物",
    level2: "消防与安全隐患",
    advice: "collapse",
    cues: /塌了|坍塌|塌陷|倒塌|塌方|要塌|塌下|陷下去|脚手架[^，。]{0,6}(?:歪|倒|塌|掉)|(?:墙皮|外墙|砖头|瓷砖|广告牌|招牌|空调外机|玻璃|钢管|树枝|大树|梧桐|吊篮)[^。]{0,16}(?:掉下|掉了|坠|脱开|脱落|砸|刮倒|松动|倒了)|摇摇欲坠|(?:快|要|就要|眼看)(?:要)?掉下来|承重墙|(?:墙|楼板|房梁|天花板|阳台)[^。]{0,10}(?:裂缝|开裂|裂开)|(?:树|电线杆|灯杆|电杆|广告牌|脚手架)[^，。]{0,4}(?:倒了|要倒|快倒|砸)|(?:顶棚|雨棚|吊顶|天花板|屋顶|围墙|挡土墙)[^。]{0,6}(?:塌|掉下|砸)|随时[^，。]{0,3}(?:可能|会)[^，。]{0,4}(?:掉|塌|倒)|(?:墙|楼板|阳台)[^，。]{0,6}(?:裂缝|开裂)[^，。]{0,10}(?:掉|塌|响)/u,
  },
  {
    reason: "积水漫入住户或地下空间",
    level2: "排水管网",
    advice: "flood",
    cues: /(?:家里|屋里|户|室内|客厅|卧室|车库|地下室|地库|地下车库|下穿|涵洞|底楼|一楼)[^，。]{0,8}(?:进水|进了[^，。]{0,6}水|漫|淹|倒灌|泡)|(?:进水|倒灌|水漫|漫进|淹了|全漫)[^，。]{0,6}(?:家|屋|车库|地下|卧室|客厅)|水(?:都)?(?:没过|越涨越高|往上冒|往外冒)|冒黑水|往外冒水/u,
  },
  {
    reason: "有人被卡住",
    level2: "急救",
    advice: "rescue",
    cues: /(?:头|手|脚|腿|胳膊|身子|孩子|小孩)[^，。]{0,6}(?:卡在|卡住|夹在|夹住)[^。]{0,12}(?:拔不出|出不来|动不了)/u,
  },
  {
    reason: "有人落水",
    level2: "人身安全",
    advice: "rescue",
    cues: /(?:掉|落|跌|摔)(?:进|到|入)?(?:了)?(?:水|河|湖|池塘|水塘|井|沟)里|落水|溺水|有人掉河/u,
  },
  {
    reason: "有人走失",
    level2: "人身安全",
    advice: "police",
    cues: /走丢|走失|走散|(?:出门|离家|出去)[^，。]{0,12}(?:没回|未归|找不到|不见)|找不到(?:孩子|老人|我爸|我妈|爷爷|奶奶)|有没有人看到[^，。]{0,12}(?:孩子|男孩|女孩|老人|老太|老爷子)|(?:孩子|儿子|女儿|老人|我爸|我妈|爷爷|奶奶|老伴|老父亲|老母亲)[^。]{0,10}(?:没回家|没回来|不见了|找不着了|找不到了|联系不上)/u,
  },
  {
    reason: "暴力或人身威胁",
    level2: "人身安全",
    advice: "police",
    cues: /打起来了|打成一团|斗殴|动手打|砸碎|砸东西|持械|高空抛物|(?:往下|从楼上|从窗户)[^，。]{0,4}(?:扔|丢|抛)|差点砸到|打人|打架|砍人|捅人|拿(?:着)?(?:菜)?刀|持刀|动刀|持械|拿着?(?:棍|棒|斧|砖|铁锹)|追着[^，。]{0,4}打|打老婆|打孩子|家暴|要杀|行凶|抢劫|按(?:在)?地上打|满脸是血|(?:跟着|尾随|跟踪)[^，。]{0,4}(?:小女孩|小孩|孩子|女生)|拉[^，。]{0,4}(?:小女孩|孩子)的手/u,
  },
  {
    reason: "有人倒地或受伤",
    level2: "急救",
    advice: "medical",
    cues: /(?:摔倒|跌倒|晕倒|昏倒|倒地|栽下去|一头栽|瘫倒)[^。]{0,16}(?:起不来|没(?:有)?反应|流血|不省人事|叫不醒|120)|叫[^，。]{0,6}没(?:有)?反应|不省人事|晕过去|昏过去|倒在地上|倒在路边|(?:躺|坐|倒)在地上[^。]{0,12}(?:起不来|没反应|不动)|起不来|摔伤|口吐白沫|喘不上气|喘不过气|说不出话|半边身子|嘴歪|动不了|胸口疼得|心口疼|大出血|骨折|(?:人|老人|孩子|小孩|行人|学生)[^，。]{0,4}被车撞|车祸[^。]{0,8}(?:受伤|流血|倒地)|撞倒了人|烫伤|烧伤|昏迷|抽搐|心脏骤停|(?:头|腿|手)[^，。]{0,4}(?:磕破|流血)|一直在流血|流了很多血|(?:叫|打)(?:个)?120/u,
  },
  {
    reason: "有人可能轻生",
    level2: "人身安全",
    advice: "police",
    cues: /想不开|轻生|自杀|跳楼|割腕|要往下跳|要跳下去|(?:楼顶|天台|楼边|窗台)[^。]{0,16}(?:坐|站)[^。]{0,24}(?:哭|不对劲|想不开)/u,
  },
  {
    reason: "犬只伤人",
    level2: "人身安全",
    advice: "police",
    cues: /(?:狗|犬)[^。]{0,16}(?:咬(?:伤|了|人|出血|破)|扑(?:人|倒))|被(?:狗|犬)咬/u,
    unless: /怕|担心|万一|会不会|容易/u,
  },
  {
    reason: "独居老人联系不上",
    level2: "养老服务",
    advice: "police",
    cues: /独居[^。]{0,30}(?:没见|没出门|没人应|不应|不接|联系不上|没动静)|(?:敲门|叫门)[^，。]{0,4}没(?:人)?(?:应|开)|(?:一个人在家|独自在家|独居)[^。]{0,30}(?:没人接|不接|没人应|联系不上|没回)|(?:我爸|我妈|老人|爷爷|奶奶|老伴)[^。]{0,20}(?:电话|手机)[^。]{0,10}(?:没人接|不接|打不通|联系不上)/u,
  },
];

/** It is over, or it happened before now: not a present danger. */
const OVER =
  /已经(?:处理好|解决|修好|找到|灭了|没事)|已(?:处理|解决|找到|修复)|虚惊一场|人没事|找到了|平安回来|已经回来/u;
const PAST = /昨天|昨晚|前天|上周|上个月|去年|前几天|之前|以前|那次/u;
/** Words that say it is happening now: they win over a past marker in the same message. */
const NOW = /刚才|刚刚|现在|正在|还在|一直|赶紧|快来|快打|救命|！！|马上/u;
/** A notice, publicity, news from elsewhere, a joke. */
const NOT_A_REPORT = /【[^】]*(?:宣传|常识|提示|通知|提醒|安全)[^】]*】|小常识|安全常识|宣传|视频|新闻|哈哈|笑死|演练/u;

export function assessDanger(text: string): Danger | null {
  if (OVER.test(text) || NOT_A_REPORT.test(text)) return null;
  if (PAST.test(text) && !NOW.test(text)) return null;
  for (const h of HAZARDS) {
    if (h.cues.test(text) && !h.unless?.test(text)) return { reason: h.reason, advice: h.advice, level2: h.level2 };
  }
  return null;
}
