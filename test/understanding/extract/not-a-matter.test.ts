// Messages that are not a matter for staff, in words the shared dev set does not use, and messages that
// look like them but name a problem.
import { describe, expect, it } from "vitest";
import { notAMatter } from "../../../src/understanding/extract/not-a-matter.ts";

describe("not a matter", () => {
  it.each([
    ["大家早上好", "chat"],
    ["收到，谢谢", "reply"],
    ["👍👍", "chat"],
    ["周末有人一起去爬山吗", "invitation"],
    ["新到一批土鸡蛋，需要的私聊", "ad"],
    ["【通知】本周五下午停水检修，请提前储水", "notice"],
    ["请问接待日在哪里？", "reception-day"],
    ["怎么用这个机器人反映问题啊", "bot-usage"],
    ["小助手你还会做些什么", "bot-usage"],
    ["门口那堆建筑垃圾物业已经叫车拉走了，谢谢各位", "thanks"],
    ["明天代表小组例会改到下午三点", "logistics"],
    ["请问附近哪儿能配钥匙", "chat"],
    ["下个月的接待日哪几位代表接待？", "reception-day"],
    ["明早七点半统一上车，别迟到", "logistics"],
    ["问一下大家，菜鸟驿站几点开门", "chat"],
    ["扫码进群领取免费课程", "ad"],
    ["想问问咱们片区的人大代表是哪一位，我有情况要反映", "deputies"],
    ["本周四上午社区卫生站免费测血糖，需要的居民带上身份证", "notice"],
    ["谁知道哪家理发店剪头便宜点", "chat"],
    ["水果店开业大酬宾，扫码领优惠券", "ad"],
    ["下周接待日谁在？有个事想当面问问", "reception-day"],
    ["刷到个新闻，外省一个小区地库被淹了", "news"],
    ["各位邻居注意，周四全天停水检修，记得提前接水", "notice"],
    ["赞同楼上的意见！", "chat"],
    ["明早谁有空一起去河边捡垃圾", "invitation"],
    ["我的问题提交三天了还没有人回复", "my-status"],
    ["谁捡到一串钥匙？上面挂着个小熊", "chat"],
    ["下周三接待日我有事去不了，能不能调到周五", "logistics"],
    ["看见保洁阿姨在清理楼道了，效率不错👍", "thanks"],
    ["谁家小孩的水壶忘在单元门口了，我交给门卫了", "chat"],
    ["临街门面一间，低价转让，有意私聊", "ad"],
    ["下周二街道有免费的理发服务，有需要的可以去", "notice"],
    ["转发一条：外地一个小区电瓶车起火视频，大家引以为戒", "news"],
    ["不好意思，刚才是个误会，那是楼下在烧烤", "chat"],
    ["要给代表提意见的话，直接在群里说就行吗", "bot-usage"],
    ["我前天报的那个井盖的问题，到现在还没人来", "my-status"],
    ["楼下花坛边有把蓝色的伞，是谁家的？", "chat"],
    ["代表们，这个月走访收集的意见汇总好了，见附件", "logistics"],
  ])("is %s", (text, kind) => {
    expect(notAMatter(text)).toBe(kind);
  });

  it.each([
    "谢谢代表，另外3号楼的路灯又坏了",
    "楼道灯坏了",
    "我请假在家，楼上装修太吵了",
    "收到通知说要停水，可是已经停了三天了还没来",
    "有没有人知道小区物业电话，楼上漏水了",
    "有没有人知道哪里可以报修楼道灯",
    "公交站挪远了，腿脚不好的老人走半天才坐上车",
    "有没有人知道政务大厅几点下班",
    "我们小区的代表是哪位？想反映一下3栋门口的路灯坏了",
    "大家注意，2号楼从昨天停电到现在，问物业也不说原因",
    "上次说是误会，可是今天楼道里又有烟味",
    "楼下那套房子出租给十几个人住，群租太乱了",
    "单元门口那辆车是谁家的？堵着消防通道一整天了",
  ])("leaves %s to the classifier", (text) => {
    expect(notAMatter(text)).toBeNull();
  });
});
