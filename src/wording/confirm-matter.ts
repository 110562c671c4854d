// When the bot is not sure a message is a matter to handle, it asks instead of opening a ticket nobody may
// want, and says what it did with the answer.
import type { OutboundBody } from "../outbox/outbound-body.ts";
import { brief } from "./brief.ts";

export function confirmMatterQuestion(text: string, inGroup: boolean, mention: string[]): OutboundBody {
  const how = inGroup ? "请 @我 回复“是”" : "请回复“是”";
  return {
    title: "请确认是否登记",
    markdown: `您好，想跟您确认一下：“${brief(text, 40)}”是需要登记、转交代表和工作人员办理的问题吗？如需登记，${how}；如能补充具体情况和地点（小区、楼栋、路口）就更好了。`,
    mentionUserIds: mention,
  };
}

export function confirmationDeclinedReply(mention: string[]): OutboundBody {
  return {
    title: "不登记",
    markdown: "好的，这条就不登记了。以后如需反映问题，欢迎随时 @我。",
    mentionUserIds: mention,
  };
}
