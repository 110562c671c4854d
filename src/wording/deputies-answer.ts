// The answer to "我们群的代表是谁？" / "怎么联系代表？": the group's deputies by name, and how to reach them
// through the bot (their own phone numbers are not the bot's to give out).
import type { OutboundBody } from "../outbox/outbound-body.ts";

export function deputiesAnswer(names: string[], mention: string[]): OutboundBody {
  const markdown =
    names.length > 0
      ? [
          `本群的人大代表：${names.join("、")}。`,
          "有问题可以直接在群里 @我 说明情况和地点，我会登记工单并转交代表和工作人员办理；也可以在接待日到代表联络站当面反映（问我“接待日是哪天”即可）。",
        ].join("\n\n")
      : "本群暂未登记人大代表名单。有问题可以直接在群里 @我 说明情况和地点，我会登记工单并转交工作人员办理。";
  return { title: "本群的人大代表", markdown, mentionUserIds: mention };
}
