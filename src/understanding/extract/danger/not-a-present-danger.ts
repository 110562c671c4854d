// What makes danger words no present danger: it is over or past, a notice, news or a joke, only feared, an animal
// hurt, a refund asked for. Asked of every danger, whether the rules or a model found it.

/** It is over, or it happened before now: not a present danger. An injury days old ("腿摔伤了好几天了") is someone to
 * help, not an emergency; a fallen thing already cleared away ("已经清走了") is over; someone freed ("才出来",
 * "现在出来了") is out, but "我已经出来了" is the writer who got out of the gas or the smoke, which goes on. */
const OVER =
  /(?:及时)?送(?:医|到医院|去医院)了|(?:才|终于|(?<![我俺咱们])(?:已经|现在))(?:被)?(?:救|放)?出来(?:了)?|(?:好在|幸好|还好)?(?<!有)没(?:有)?人(?:被)?(?:关|困)(?:着|到|住)?(?!的)|(?:里面|里头|里边)(?:好像|应该|估计)?没(?:有)?人|(?:扑|浇|踩)灭了|灭掉了|(?:摔伤|受伤|摔|伤)[^。]{0,6}(?:好几天|几天|好多天|一个星期|一周|半个月|一个月)了|(?:已经|已|都)(?:被)?(?:清走|清理干净|清理掉|拖走|移走|挪走|处理掉)了|(?:已经|已)送(?:到|去|进)?了?医院|送(?:到|去|进)了?医院了|(?:现在|人已经?|已经)(?:人)?在医院|(?:现在|正在|还在|目前)(?:在)?住院|住(?:进)?(?:了)?院了|已经(?:处理好|解决|修好|找到|灭了|没事)|已(?:处理|解决|找到|修复)|虚惊一场|人没事|找到了|平安回来|已经回来|出院了|(?:在家|回家)(?:里)?(?:养着|养伤|休养|静养)|养伤|(?:康复|恢复)期/u;
const PAST =
  /(?:丢|失|倒|摔|困|火|塌|漏|淹|跑)过(?:一次|两次|几次|好几次|一回)?|昨天|昨晚|前天|上周|上个月|去年|前几天|之前|以前|那次|上次|上回|那回|有一次/u;
/** Words that say it is happening now: they win over a past marker in the same message. "现在还没人管",
 * "现在换了没有", "一直没人说" speak of the handling (is it done yet, nobody told us), not of the danger, so
 * they do not count. */
const NOW =
  /刚才|刚刚|到现在(?![^，。]{0,4}(?:都|也|还)?没(?:有)?(?:人|个|给)?(?:给个|给)?(?:说法|管|回复|回音|答复|处理|消息|结果|下文|修|来修|修好|修理|换|弄|动|刷|补|清|搬|拆))|至今|这会儿?|今天[^，。]{0,4}(?:一看|看到?|发现)|还(?:往外|往下|往里)|从(?:昨天|前天|昨晚|早上|上午|中午|下午)[^。]{0,12}(?:就|一直|到现在)|现在(?![^，。]{0,6}(?:还是?没|也没|都没|还是?不|仍然|依然|照样)|[^，。]{0,6}(?:了没有|了没|了吗|怎么样了?|进展|到哪))|正在|还在(?![^，。]{0,3}(?:等|拖))|一直(?!没(?:有)?(?:人|个)?(?:说|管|回|理|问|处理|答复|通知|跟进|说法|消息|结果|下文|回音))|赶紧|快来|快打|(?<![喊叫呼])救命|！！|马上/u;
/** "万一着火…", "担心会塌", "会不会有危险": a worry about what could happen is a hazard to remove, not a danger now.
 * So is a leak suspected behind a breaker that trips ("一开就跳闸，是不是漏电了"): the breaker has cut the current. */
const HYPOTHETICAL =
  /真(?:的)?(?:要)?(?:着火|起火|失火|出事)了?(?![！!])|万一|如果|要是|假如|一旦|真要|真的要|隐患|会不会(?:有)?(?:危险|出事|出问题|漏电|触电|着火|起火|爆炸|爆|炸|塌|掉)|容易引发|容易(?:掉|摔|砸|塌|倒|出事|绊|崴|扭)|担心(?:会|哪天|以后|将来|万一|有人)|担心[^。]{0,6}(?:掉|摔|砸|塌)|就怕|怕(?:哪天|以后|万一)|哪天|迟早|早晚会|(?:为了)?(?:防止|以防|预防|避免)(?:有人|小孩|孩子|老人)?(?:跳楼|坠落|掉下去|摔下去|溺水|触电|着火|被困)|(?:跳闸|跳了)[^。]{0,16}(?:是不是|是否|可能|怀疑|会不会)[^。]{0,3}漏电|(?:是不是|是否|可能|怀疑)[^。]{0,3}漏电[^。]{0,10}跳闸/u;
/** An animal hit or hurt ("流浪狗被车撞了，躺在路边一动不动"), with no person hurt beside it: one to see to, not an
 * emergency for people, whether the rules or the learned model heard it. */
const ANIMAL_HURT = /(?:狗|猫|鸟|鸡|鸭|宠物)[^，。]{0,6}(?:被|遭|给)[^，。]{0,4}(?:车|货车|汽车|电动车|摩托车?)/u;
/** An animal's welfare ("主人好几天没回来了，狗是不是没吃的了"): one to see to, not an emergency for people. */
const ANIMAL_WELFARE = /(?:狗|猫|宠物)[^。]{0,10}(?:没吃的|没人喂|饿坏|饿死|没水喝)/u;
const PERSON_HURT = /(?:人|孩子|小孩|老人|司机|行人|骑车的)[^，。]{0,6}(?:受伤|流血|倒地|被撞|撞伤|摔)/u;

/** A complaint about something bought ("网上买的电热毯用了两次就冒烟了，商家不给退"): the fault is told to get the money
 * back, so it is over, unless it is happening now (NOW). */
const PRODUCT_COMPLAINT =
  /^(?=[\s\S]*(?:买的|网购|网上买|下单|商家|卖家|店家))(?=[\s\S]*(?:退货|退款|不给退|不退|不给换|换货|赔偿|质量问题|售后))/u;

/** Someone needs help now, whatever else the message says. */
const DISTRESS = /救命|快来人|快来|有人受伤|流血|困在|出不来|喘不上|不醒/u;
/** A notice, publicity, news from elsewhere, a joke. */
const NOT_A_REPORT =
  /^转(?:发)?[^。：:]{0,10}[:：](?=[\s\S]*(?:外地|外省|外市|其他城市|别的城市|某(?:市|地|省|县|区|镇)|致[\d一二三四五六七八九十几多]+人(?:死亡|遇难|身亡|受伤)))|【[^】]*(?:宣传|常识|提示|通知|提醒|安全)[^】]*】|小常识|安全常识|宣传|视频|新闻|哈哈|笑死|演练/u;

/** A fire engine or an ambulance already there, and the writer asking what it was for ("刚才消防车来了，是几栋着火了？"):
 * it is being handled. Asking where a called one is ("救护车到哪里了？") is not this. */
const ALREADY_ATTENDED =
  /(?:消防车|救护车|警车)[^。？?]{0,6}(?:进|来|到)了?[^。？?]{0,8}(?:哪家|哪栋|几栋|几号楼|哪个|干(?:嘛|啥|什么))[^。]{0,12}[？?]/u;
/** Teaching first aid or safety ("周末有个急救培训，学心肺复苏的"): a notice, whatever it teaches. */
const SAFETY_TRAINING = /(?:急救|消防|安全|防溺水|防诈骗)(?:知识)?(?:培训|讲座|课)|(?:学|教)(?:习)?(?:心肺复苏|急救)/u;

/** Voice-to-text puts spaces between words ("困在 电梯里"): the phrasings are written without them. */
const SPACE_BETWEEN_WORDS = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

export function withoutSpacesBetweenWords(said: string): string {
  return said.replace(SPACE_BETWEEN_WORDS, "");
}

/**
 * What makes any danger in the words no present one: it is over, a notice, news or a joke, or only feared. (A past
 * event is left to each hazard: a recurring condition stays a danger after it.) The analysis asks this of a danger
 * found by a model too, so a learned "urgent" never outranks "已经找到了" or "万一着火".
 */
export function dangerIsCancelled(said: string): boolean {
  const text = withoutSpacesBetweenWords(said);
  return (
    OVER.test(text) ||
    NOT_A_REPORT.test(text) ||
    ALREADY_ATTENDED.test(text) ||
    SAFETY_TRAINING.test(text) ||
    (HYPOTHETICAL.test(text) && !NOW.test(text) && !DISTRESS.test(text)) ||
    ((ANIMAL_HURT.test(text) || ANIMAL_WELFARE.test(text)) && !PERSON_HURT.test(text)) ||
    (PRODUCT_COMPLAINT.test(text) && !NOW.test(text) && !DISTRESS.test(text))
  );
}

/** A past event without a word that it is happening now ("上周电梯困人"). */
export function dangerIsPast(said: string): boolean {
  const text = withoutSpacesBetweenWords(said);
  return PAST.test(text) && !NOW.test(text);
}
