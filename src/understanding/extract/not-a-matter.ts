// Messages that are clearly not a matter for staff, whatever the classifier thinks: questions the bot
// answers itself (how to use it, when and where the reception day is), invitations and chit-chat, ads,
// notices and publicity, news forwarded from elsewhere, the deputies' own logistics, and staff's quick
// replies. A message that also names a problem ("谢谢！另外3号楼路灯又坏了") is not caught here.

export type NotAMatter =
  | "bot-usage"
  | "reception-day"
  | "deputies"
  | "my-status"
  | "thanks"
  | "invitation"
  | "ad"
  | "notice"
  | "news"
  | "logistics"
  | "reply"
  | "chat";

/** Questions the bot answers from its own data: never a matter for staff by themselves. */
const ANSWERED_BY_THE_BOT: ReadonlySet<NotAMatter> = new Set(["bot-usage", "reception-day", "deputies", "my-status"]);

const KINDS: ReadonlyArray<[NotAMatter, RegExp]> = [
  // Thanks for something already put right ("…已经处理好了，谢谢物业").
  [
    "thanks",
    /^(?=[\s\S]*(?:谢谢|感谢|多谢|辛苦|点赞|给力|赞一个|效率(?:很|真|挺|非常)?高))(?=[\s\S]*(?:(?:已经|已)[^，。]{0,3}(?:亮|好|通|修好|恢复|换好)了|(?:已经|已)[^，。]{0,6}(?:[上好走完通亮]|回来)了|(?:疏通|修|换|装|弄|处理|清理|维修|收拾|搞)好了|已经?(?:处理好|解决|修好|找到|恢复|弄好|清理|换好|装好|修复|搞定|疏通)|修好了|换好了|装好了|通了|解决了|恢复了|找到了|虚惊一场|(?:处理|办|修)得(?:很|挺|非常)?(?:及时|快|好)))/u,
  ],
  [
    "bot-usage",
    /(?:助手|机器人|这个|群里)[^。]{0,10}(?:怎么用|咋用|如何使用|怎么提交|能直接|可以直接|能不能直接|要私聊)|怎么(?:用|使用)(?:这个|助手|机器人)|@助手提交|(?:这个)?群是干(?:嘛|什么|啥)的|可以在(?:这里|这儿|群里)(?:反映|提)|(?:助手|机器人)[^。]{0,8}(?:能|可以|会)[^。]{0,4}(?:查|看|帮我查)|^(?:(?:小?助手|机器人)[，, ]?你?|你)(?:都|还|到底)?(?:能|可以|会)(?:干|做|帮)(?:点|些)?(?:啥|什么|嘛|哪些)|(?:你|助手|机器人)[^。]{0,4}(?:有|都有)(?:啥|什么|哪些)功能/u,
  ],
  [
    "reception-day",
    /接待日[^。]{0,12}(?:几号|哪天|哪一天|什么时候|啥时候|在哪|哪里|谁值班|(?:哪位|哪个|哪几位)(?:代表)?(?:值班|接待)|(?:哪位|哪个|哪几位|谁)(?:代表)?在|几点|是不是)|(?:哪天|几号|什么时候)[^。]{0,6}接待日|接待日(?:地点|时间)/u,
  ],
  [
    // "我们群的代表是谁？", "怎么联系代表"
    "deputies",
    /(?:群|社区|小区|片区|我们|咱们?)(?:里|的|这边)?(?:的)?(?:人大)?代表(?:都)?(?:是谁|是哪位|是哪一位|是哪个|有谁|有哪些|有哪几位|叫什么)|(?:怎么|如何|怎样)(?:才能)?联系(?:上)?(?:我们的|咱们的)?(?:人大)?代表|(?:哪几位|哪些|谁)是(?:我们|咱们)?(?:的)?(?:人大)?代表/u,
  ],
  [
    // "我反映的问题怎么样了？", "我报的事有进展吗"
    "my-status",
    /我(?:之前|上次|前几天|昨天)?(?:反映|报|提|说|登记)的(?:那个|那件)?(?:问题|事情?|情况|工单)[^。，,]{0,8}(?:怎么样|咋样|进展|进度|处理了吗|处理得|有人管吗|办了吗|结果|到哪一步)|我的(?:工单|问题)[^。，,]{0,6}(?:进展|进度|怎么样|咋样)|我的(?:工单|问题)[^。，,]{0,10}(?:还)?没(?:有)?人(?:联系|管|理|处理|回复?|答复)/u,
  ],
  [
    "invitation",
    /有没有(?:人|姐妹|兄弟|朋友|邻居|宝妈)[^。]{0,12}(?:一起|要去|同去|拼车|组队)|一起[^。]{0,8}(?:的吗|吗[？?]?$|的(?:\p{Extended_Pictographic}|\u200d|\ufe0f|[～~])*$)|约(?:起来|一下|个)|组队|搭子|谁有空[^。？?]{0,10}一起/u,
  ],
  [
    "ad",
    /承接|随叫随到|(?:可以|欢迎)(?:来|过来)?拿|免费送|谁家有多余|闲置[^。]{0,6}(?:出|转|送)|需要的(?:私聊|联系|加)|私聊[^。]{0,4}(?:价|买|订)|自产|[\d一二三四五六七八九十]+(?:块|元)[一每]?(?:斤|个|盒|箱)|\d+一斤|包邮|代购|扫码(?:报名|领取|进群|下单)|进群(?:领取|免费|学习)|免费荐股|领取牛股|带你炒股|限额|前\d+名|赠送|砍一刀|帮忙(?:点|投|助力)|投(?:我|他|她|孩子)?一票|给[^。]{0,8}投(?:个)?票|助力一下|加(?:我)?微信|价格实惠|价格优惠|专业(?:疏通|维修|开锁|搬家|保洁|清洗|上门)|电话见图|欢迎来电|上门服务|新店开业|开业(?:大吉|大?酬宾|优惠|特惠|活动)|全场[^。，]{0,4}折|(?:领|送|发)(?:取)?[^。，]{0,3}优惠券|进群领/u,
  ],
  [
    "notice",
    /(?:社区|居委会|街道)组织[^。]{0,10}(?:包饺子|联欢|活动|讲座|义诊|观影|茶话会)|来的都有份|^【[^】]{2,20}】|^(?:通知|温馨提示|提醒|公告)[:：]|义诊|公益讲座|免费(?:量血压|测血压|测血糖|体检|测视力|义剪|理发)|需要的(?:居民|朋友)?(?:请)?(?:带上|携带)|欢迎(?:居民|大家)[^。]{0,6}(?:参加|报名|参与)|请(?:各位)?居民[^。]{0,10}(?:注意|互相转告)|^(?:大家|各位(?:居民|邻居)?)(?:请)?注意[^。？?]{0,6}(?:明天|后天|今晚|下周|本周|这周|周[一二三四五六日末]|[0-9一二三四五六七八九十]+[号日](?![楼院]))[^。？?]{0,24}(?:停水|停电|停气|检修|施工)[^？?]*$|^(?:大家|各位(?:居民|邻居)?)(?:请)?注意[^。？?]{0,10}(?:降温|大风|暴雨|台风|下雪|寒潮)[^？?]*$/u,
  ],
  [
    "news",
    /^转(?:发)?[:：][^。]{0,30}(?:视频|新闻|外地|【|通知|公告|文件|政策解读|预警|气象台|发布|提醒|提示)|视频[^。]{0,8}(?:太吓人|注意点|看看)|(?:看到|看了|刷到|听说)[^。]{0,6}(?:新闻|视频|报道)[^。]{0,10}(?:外地|外省|别的地方|别处|其他地方|国外)/u,
  ],
  [
    "logistics",
    /各位代表|集合时间|履职(?:积分|登记表|材料)|积分表|(?:周[一二三四五六日]|明天|今天)前(?:报|交)|(?:点|准时|统一|集合|门口)上车|例会|请(?:个)?假|开会|会议(?:室|通知|材料)|签到|视察活动|调研活动[^。]{0,10}(?:时间|地点)|接待日[^。]{0,10}(?:来不了|去不了|有事|换到|调到|换个时间|请假)/u,
  ],
  [
    "reply",
    /^(?:好的|收到)?[，,]?(?:我们)?(?:已|已经)(?:安排|派|通知|联系|转交|转)[^。]{0,12}(?:上门|过去|处理|维修|跟进|核实|办理)|^(?:(?:稍等|收到|好的|明白|了解|知道了|OK|ok|👌|嗯嗯?|行|没问题|谢谢|感谢|多谢|辛苦了)(?:大家|各位|代表|您)?[。！!～~，,\s🙏👍]*)+$|我(?:问|查|联系)一下|^(?:好的|收到)?[，,]?(?:我们|我)?(?:已|已经)(?:转|联系|通知|安排|反馈|交办)|安排(?:人|师傅)(?:过去|去|上门)(?:看|处理|修)|正在(?:协调|处理|联系)|马上(?:去|安排|联系)/u,
  ],
  [
    // Asking the neighbours where to get an everyday thing mended or bought ("附近哪里能修自行车"): the group's
    // chat, not a matter for staff. Only personal things: "哪里可以报修路灯" names a public one.
    "chat",
    /(?:哪里|哪儿|哪家|哪个地方|附近)[^。？?]{0,6}(?:修|配|换|买|补)(?:个|一下|一把|一副)?(?:自行车|电动车|电瓶车|单车|手机|鞋子?|皮鞋|衣服|裤子|钥匙|手表|眼镜|电脑|拉链|雨伞|车胎|轮胎)|(?:哪里|哪儿|哪家|附近)[^。？?]{0,6}(?:理发|剪头发?|烫头|洗车|改衣服|配眼镜)/u,
  ],
  [
    // Asking the group when a shop opens or closes ("问下大家，驿站几点关门"): neighbours' chat. Government
    // service hours are a matter (党务政务), so those are left to the classifier.
    "chat",
    /^(?=[\s\S]*(?:问(?:一下|下)?大家|大家(?:谁)?知道|有没有人知道|谁知道))(?=[\s\S]*(?:(?:几点|什么时候)(?:关门|开门|营业|打烊)|营业时间))(?![\s\S]*(?:政务|大厅|窗口|派出所|街道|服务中心|居委会|办事))/u,
  ],
  [
    // Lost and found among neighbours ("有没有人捡到一个钱包"): the group's chat, not a matter for staff.
    "chat",
    /(?:有没有人|谁|哪位)(?:捡到|看到|看见)(?:了)?(?:一[个只把串张部])?[^。？?]{0,6}(?:钱包|钥匙|手机|身份证|银行卡|公交卡|包|雨伞|眼镜|耳机)/u,
  ],
  [
    "chat",
    /(?:帮我|顺便|顺路)(?:带|捎|买)(?:一|两|几|点|个)|红包|恭喜发财|^(?:支持|赞|顶|同意|赞同|附议|点赞|好样的|厉害|牛|加油)(?:楼上|一楼)?(?:说的|的说法|的意见|的)?[！!。～~👍💪]*$|^\+1$|天气(?:真|挺|很)?(?:好|不错|冷|热)|哪家[^。]{0,6}好吃|确实不错|我也去过|哈哈|笑死|^(?:大家|各位)?(?:早上|中午|晚上|下午)?好[！!～~。]*$|^(?:谢谢|感谢|多谢|辛苦了)[^。，]{0,16}[！!～~。🙏👍]*$/u,
  ],
];

/** What a problem sounds like: a message with one of these is left to the classifier. */
const PROBLEM =
  /坏了|坏掉|不亮|漏水|漏|堵|塌|脏|臭|吵|噪音|扰民|乱|没人管|不管|投诉|举报|反映|诉求|维修|修一下|修修|能不能|希望|建议|咋办|怎么办|怎么申请|如何申请|要交|拖欠|欠薪|违建|占道|占用|占了|隐患|危险|问题|被人|收费|不让|不给|太贵|凭什么|为什么|怎么回事|不退|不修|没修|圈起来|裂缝|开裂|裂了/u;

/** "已安排维修师傅明早上门": staff saying what they did, even when it names the repair. */
const STAFF_HANDLED =
  /^(?:好的|收到)?[，,]?(?:我们)?(?:已|已经)(?:安排|派|通知|联系|转交|转)[^。]{0,12}(?:上门|过去|处理|维修|跟进|核实|办理)/u;

/** "想找他反映点事": the wish to raise something, without the thing itself. */
const VAGUE_WISH = /(?:想|要|准备)(?:找[^，。]{0,4})?反映(?:一下|点|个|些)?(?:事情?|情况|问题)?/u;

/** "能不能调到周五": asking to move a meeting, which is the deputies' logistics, not a problem. */
const SCHEDULE_CHANGE = /(?:能不能|能否|可不可以|可以)(?:帮忙)?(?:调|换|改|挪)(?:到|成|个|一下)?/u;

/** "…但是又坏了": thanks followed by a new problem. */
const CONTRAST = /但|可是|不过|还是|又|另外|还有/u;

/** True when the words name a problem (the model's "not a matter" is then not enough to drop it). */
export function namesAProblem(text: string): boolean {
  return PROBLEM.test(text);
}

export function notAMatter(text: string): NotAMatter | null {
  const t = text.replace(/@\S+\s*/gu, "").trim();
  if (t === "" || /^(?:\p{Extended_Pictographic}|\p{P}|\s|\u200d|\ufe0f)+$/u.test(t)) return "chat";
  for (const [kind, re] of KINDS) {
    if (!re.test(t)) continue;
    // Questions about the bot and ads are what they are; anything else that names a problem is left to the
    // classifier ("【求助】3号楼停水三天了", "我请假在家，楼上装修太吵"). A question the bot answers is one
    // unless the words around it name a problem ("我反映的问题怎么样了，路灯还是不亮").
    if (kind === "thanks" && !CONTRAST.test(t)) return kind;
    if (kind === "reply" && STAFF_HANDLED.test(t)) return kind;
    if (kind === "logistics") return PROBLEM.test(t.replace(SCHEDULE_CHANGE, "")) ? null : kind;
    if (kind === "deputies" || kind === "my-status")
      return PROBLEM.test(t.replace(re, "").replace(VAGUE_WISH, "")) ? null : kind;
    if (!ANSWERED_BY_THE_BOT.has(kind) && kind !== "ad" && PROBLEM.test(t)) return null;
    return kind;
  }
  return null;
}
