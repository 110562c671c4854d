// Danger to life or safety, which goes to 即时转办 (immediate transfer). High recall is the point: each
// hazard is described by the ways people say it in a chat (any phrasing of someone shut in a lift, a
// smell of gas, sparks, water coming into homes …), and then cancelled only by what makes it not a
// present danger: it is over or was in the past, it is a notice, news or a joke, or the words are part
// of something harmless (没电梯, 加装电梯, 火锅店, 困难补助, 电费, 燃气费, 停电通知, 消防通道被占 without fire).
// Each hazard carries the advice the resident gets at once (119 / 120 / 110 / the gas company …).
import type { Danger, Hazard } from "./danger.ts";
import { SUPPLY_AND_FITTING_HAZARDS } from "./hazards-of-supply-and-fittings.ts";
import { STRUCTURE_AND_WATER_HAZARDS } from "./hazards-of-structures-and-water.ts";
import { PEOPLE_HAZARDS } from "./hazards-to-people.ts";
import { dangerIsCancelled, dangerIsPast, withoutSpacesBetweenWords } from "./not-a-present-danger.ts";

/** In the order they are looked for: the first whose words are found names the danger. */
const HAZARDS: readonly Hazard[] = [...SUPPLY_AND_FITTING_HAZARDS, ...STRUCTURE_AND_WATER_HAZARDS, ...PEOPLE_HAZARDS];

/** A feared outcome ("怕会掉下来", "担心会塌", "怕小孩踩空"): what could happen, so it is not looked at as what happens,
 * even when something else in the message is happening now ("一直在渗水…怕会掉下来"). The outcomes include what
 * could befall a person (a fall, a misstep), since a worry names the one at risk before it. */
const FEARED_OUTCOME =
  /(?:就怕|怕|担心|万一|可能会?|容易|迟早会?|真要|真的要)[^，。！？\s]{0,3}?(?:会|要)?(?:掉|塌|砸|倒|出事|着火|起火|失火|漏电|触电|踩空|摔|绊|跌|栽|受伤|伤着|伤到)[^，。！？\s]{0,4}/gu;

/**
 * A call for help that only an emergency makes ("快来人", "谁帮忙打个120", "报警了没有"), when no hazard above
 * was recognised: urgent all the same (recall first), with the general advice line, and the category left to the
 * words and the model. "救命" alone is not one: it is also said of a joke or a bill.
 */
const EMERGENCY_CALL =
  /快来人|快叫人|(?:快|赶紧|马上)(?:帮忙)?(?:打|叫)(?:个)?(?:110|119|120|救护车|消防车?)|(?:谁|有没有人)(?:帮忙|帮我)?(?:打|叫)(?:个|一下)?(?:110|119|120|救护车)|(?:报警|打120|打119)了(?:没有?|吗)|喊救命|呼救/u;

export function assessDanger(said: string): Danger | null {
  if (dangerIsCancelled(said)) return null;
  const text = withoutSpacesBetweenWords(said);
  const past = dangerIsPast(said);
  const happening = text.replace(FEARED_OUTCOME, "，");
  for (const h of HAZARDS) {
    if (past && !h.recurring?.test(text)) continue;
    if (h.cues.test(happening) && !h.unless?.test(text))
      return { reason: h.reason, advice: h.advice, level2: h.level2 };
  }
  if (!past && EMERGENCY_CALL.test(happening)) return { reason: "紧急求助", advice: null, level2: "" };
  return null;
}
