// Vocabularies the hazards are composed of (hazards-*.ts), so a new phrasing of the same situation is still seen:
// a person and what is happening to them, a structure and how it fails, within one clause or two.
/** Someone: a person named by kin, age or role, or "有人". */
export const PERSON =
  "(?:人|有人|孩子|小孩|小朋友|宝宝|婴儿|儿子|女儿|孙子|孙女|外孙女?|老人|老太太?|老爷子|老大爷|大爷|大妈|阿姨|奶奶|爷爷|外婆|外公|婆婆|公公|老伴|邻居|小伙子?|男的|女的|男孩|女孩|女孩子|学生|我老公|老公|我爸|我妈|他|她|保安|工人|师傅|行人|路人|乘客|司机|外卖员|送外卖的|快递员|醉汉|姑娘|小姑娘|女子|男子|妇女|女人|男人|女士|少年|青年|大姐|大哥|大叔|大婶|老头|老头儿|老奶奶|老爷爷|孕妇|老汉|老汉儿|老头子|老者)";
/** Who is looked for when they go missing: children, the elderly, kin. */
export const WHO_GOES_MISSING =
  "(?:孩子|小孩子?|小朋友|男孩|女孩|儿子|女儿|闺女|孙子|孙女|外孙女?|老人|老太太?|老爷子|老大爷|老奶奶|老爷爷|老头子?|大爷|奶奶|爷爷|外婆|外公|姥姥|姥爷|老伴|我爸|我妈|老父亲|老母亲)";
/** Someone who cannot be reached, when it is not the landlord, the property company or the other side of a deal
 * ("房东一直联系不上", "被刷单骗了…联系不上对方了"). */
export const UNREACHABLE =
  "(?<!(?:房东|物业|业主|房主|开发商|老板|中介|师傅|对方|商家|客服|骗子|卖家|平台)[^，。]{0,3})联系不上(?!房东|物业|业主|房主|开发商|老板|中介|师傅|楼上|对方|商家|客服|骗子|卖家|平台|他们)";
/** What is happening to someone's body now. */
export const BODY_NOW =
  "(?:一动不动|犯病了|发病了|病发了|一直吐|吐个不停|吐了好几次|没(?:有)?精神|倒地|倒下了|晕倒|(?:晕|昏|摔|倒)在(?:了)?(?:厕所|卫生间|浴室|地上|路边|楼道|家里|屋里|门口|床边)|躺(?:着|起)不动|昏倒|晕过去|晕了|抽筋|抽搐|吐白沫|口吐白沫|出冷汗|脸(?:色)?发白|叫不醒|喊不醒|叫也叫不醒|(?:怎么)?(?:叫|喊|拍)(?:她|他|门)?(?:都|也)(?:叫|喊|拍)?不(?:醒|起来|答应|应)|说话不清|口齿不清|(?:手|胳膊|腿)抬不起来|一边[^，。]{0,4}(?:抬不起|没力气|不能动|发麻)|叫[^，。]{0,4}不(?:太)?应|迷迷糊糊|不醒人事|没(?:了)?反应|昏迷|站不起来|起不来了|头破血流|(?:头|脸|手)[^，。]{0,3}(?:被)?打破|流了(?:好多|很多|一地)血|骨折了|喘不上气|没气了|躺(?:在)?地上|着地|踩空|触电)";
/** A ledge or edge a fall from which can kill. */
export const LEDGE =
  "(?:墙头|围墙上面?|窗户外|窗外|窗台|空调(?:那个|的)?架子?|空调外机|阳台外|栏杆外|楼顶边|天台边|屋檐)";
/** A place someone is at risk of falling from or being shut in. */
export const AT_RISK_PLACE = `(?:爬到|爬上|站在|坐在|走在|蹲在|挂在|吊在)[^，。]{0,6}${LEDGE}|(?:爬到|爬出|翻到|翻出)(?:了)?(?:窗户?|阳台|栏杆|护栏)?外面|(?:困在|卡在|夹在|锁在|关在)(?!哪)[^，。]{0,8}(?:里|中|下面|上面)|(?:被)?压在[^，。]{0,6}下面|(?:腿|脚|身子|胳膊|手)[^，。]{0,3}被压住|在[^，。]{0,6}${LEDGE}(?:上)?(?:站着|坐着|蹲着|趴着|挂着)`;
/** A part of a building, a road or a street fixture that can fail and hurt someone. (A railing that broke is a
 * hazard to mend; it hurts someone only with a person at it, which the person hazards see.) */
export const STRUCTURE =
  "(?:河堤|堤坝|堤岸|河岸|山坡|山体|边坡|土坡|阳台|楼板|房梁|天花板|吊顶|外墙|墙体|墙皮|围墙|挡土墙|屋顶|房顶|雨棚|顶棚|广告牌|招牌|空调外机|瓷砖|脚手架|塔吊|吊篮|路面|地面|马路|人行道|桥面|山体|边坡|基坑|护坡|路基)";
/** How a structure fails now. */
export const FAILS =
  "(?:往下滑|滑坡|泥石流|滑泥|冲垮|冲毁|垮了|悬空|掏空|整个掉|掉下来|掉下去|塌了|塌下|塌陷|坍塌|裂开|开裂|下沉|往下沉|陷下去|脱落|坠落|砸了|砸到|砸中|砸下|(?<![摔跌滑晕昏绊栽])倒了|断了|歪了|晃得厉害)";
/** How high water stands, told by what it reaches. */
export const WATER_REACHES =
  "水[^，。]{0,6}(?:快|已经|都|已)?(?:到|没过|淹到|漫到|涨到|齐)(?:了)?(?:车窗|车顶|车门|车身|轮胎|车轮|膝盖|大腿|腰|胸口?|脖子)";
/** Washing blown off a balcony ("晾的被子掉下去了，挂在雨棚上"): a lost thing, not a structure falling. */
export const LAUNDRY_FELL =
  "(?:晾|晒)的?[^，。]{0,4}(?:被子|衣服|床单|袜子|毛巾|裤子)|(?:被子|衣服|床单|袜子|毛巾|裤子|枕头)[^，。]{0,4}(?:掉|刮|吹)(?:下|到)";
/** A manhole cover that sank ("下水道盖子塌下去了"): a road to mend, unless someone fell in (then 有人落水 finds it). */
export const COVER_SANK =
  "^(?![\\s\\S]*(?:掉进|掉下去|摔进|跌进|卡在|人掉))[\\s\\S]*(?:井盖|盖子|窨井|盖板)[^。]{0,6}(?:塌|陷|沉)";
/** An animal that fell in ("刚刚有只狗掉进去了"): one to fetch out, not a person in danger. */
export const ANIMAL_FELL =
  /(?:只|条|头)(?:小)?(?:狗|猫|鸡|鸭|羊)[^，。]{0,4}(?:掉|摔|跌|落)|(?:狗|猫)[^，。]{0,2}(?:掉|摔|跌|落)(?:进|下|到|水)/u;
/** Within the same sentence (no full stop between). */
export const NEAR = "[^。！？\\n]{0,24}";
export const rx = (source: string) => new RegExp(source, "u");
