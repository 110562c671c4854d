// The request type where the words decide it (咨询 / 求助 / 投诉 / 举报 / 建议); null leaves it to the model.
// 举报 and 投诉 are named by the writer; 建议 proposes a change; 咨询 asks for information. Urgent matters
// are always 求助 (decided by the caller).
import type { RequestType } from "../classify/classifier.ts";

const RULES: ReadonlyArray<[RequestType, RegExp]> = [
  ["举报", /举报|偷排|非法集资|赌博|传销|好处费|违建吧|这算违建/u],
  ["投诉", /投诉|态度(?:太)?(?:差|恶劣)|不作为|太不负责/u],
  [
    "建议",
    /建议|提个意见|(?:我|大家)?(?:觉得|认为)(?:应该|最好|可以)(?:在|多|设|建|装|增加|安排|开|把|给)|希望[^。]{0,10}(?:能|可以|增加|多建|开设|恢复|安排)|能不能(?:在|把|给|增加|开设|恢复|多|延长|装|安排|建)|可否|最好能/u,
  ],
  [
    "咨询",
    /请问|想问|问一下|咨询|(?:怎么|咋|如何)(?:办理|申请|交|报|办|补办|查)|在哪(?:里)?(?:交|办|申请|补办)|多少钱|能报多少|(?:需要|要)(?:准备)?(?:什么|啥)材料|流程|手续|是否|合法吗|违法吗|能不能(?:报|办|申请)|什么时候(?:发|开始|能)/u,
  ],
];

export function requestTypeCue(text: string): RequestType | null {
  return RULES.find(([, re]) => re.test(text))?.[0] ?? null;
}
