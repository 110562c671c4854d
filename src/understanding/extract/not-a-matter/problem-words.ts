// What a problem sounds like. A message with one of these words is not dropped as chat on a model's say, and a
// kind of no-matter (chat, a notice …) that also names one is left to the classifier.

/** What a problem sounds like: a message with one of these is left to the classifier. */
export const PROBLEM =
  /坏了|坏掉|不亮|漏水|漏|堵|纠纷|(?:该|得|要|需要)修|顺便(?:问|说|反映)|又(?:没|停)(?:了)?(?:水|电|气|热水|暖气|信号|网)|第(?:几|[一二三四五六七八九十\d]+)次了|塌|脏|臭|吵|噪音|扰民|乱|没人管|不管|投诉|举报|反映|诉求|维修|修一下|修修|能不能|希望|建议|咋办|怎么办|怎么申请|如何申请|要交|拖欠|欠薪|违建|占道|占用|占了|隐患|危险|问题|被人|被骗|骗了|要不要紧|要紧吗|有没有事|想问(?:问)?[^。]{0,12}(?:的事|的问题)|放音乐|声音(?:太|很|特别)?大|(?:哪里|在哪)(?:可以|能)?(?:做|办|开|补|申请)|太难|难约|约不上|排不上|挂不上|在哪(?:里|儿)?领|怎么领|哪里领|(?:什么时候|几点)(?:开始)?(?:发|领)|找人帮忙|帮忙(?:买|修|送|拿|处理|解决|联系|协调|调解)|帮帮(?:我|忙)|求助|受伤|摔伤|收费|咬(?:了|伤)|淹|积水|熏(?:得|了|死|人)|停了[^，。]{0,4}(?:水|电|气|暖)(?!费)|暖气[^。]{0,6}(?:不热|不暖|冰凉|凉的|温的)|多(?:扣|收|算)了?|乱(?:扣|收)|(?:走|办)(?:什么|哪些)手续|手续(?:怎么|咋)办|不让|不给|太贵|凭什么|为什么|怎么回事|不退|不修|没修|圈起来|裂缝|开裂|裂了/u;

/** True when the words name a problem (the model's "not a matter" is then not enough to drop it). */
export function namesAProblem(text: string): boolean {
  return PROBLEM.test(text);
}
