// Homophone slips that residents type every day (电悌, 燃汽, 晕到 for 晕倒): the phrasings the analysis knows are
// written correctly, so a message is read with these put right. Only slips whose corrected reading is the only
// sensible one are listed; the text kept and shown is never changed.

const SLIPS: ReadonlyArray<[RegExp, string]> = [
  [/电悌/gu, "电梯"],
  [/燃汽/gu, "燃气"],
  [/煤汽/gu, "煤气"],
  [/天燃气/gu, "天然气"],
  [/液化汽/gu, "液化气"],
  [/暧气/gu, "暖气"],
  [/漏汽/gu, "漏气"],
  [/跳匝/gu, "跳闸"],
  // 晕到 / 昏到 are always 晕倒 / 昏倒; 摔到 and 跌到 only before what follows a fall (摔到在地上, 跌到了).
  [/([晕昏])到/gu, "$1倒"],
  [/([摔跌])到(?=了|在|地上)/gu, "$1倒"],
  // "叫他也没反映": no reaction (反应), not "did not report".
  [/(?<=[叫喊拍][^，。！？]{0,6})没(有)?反映/gu, "没$1反应"],
];

export function correctCommonTypos(text: string): string {
  let out = text;
  for (const [slip, right] of SLIPS) out = out.replace(slip, right);
  return out;
}
