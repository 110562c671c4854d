// Places in names the shared dev set does not use: one structured place, most specific first, and never a
// fragment of a sentence (relative places, generic words, 马路, a wish to the community, digits of a number).
import { describe, expect, it } from "vitest";
import { extractPlaces, extractStructuredPlaces } from "../../../src/understanding/extract/extract-place.ts";
import { gazetteerOf } from "../../../src/understanding/extract/gazetteer.ts";

describe("places", () => {
  it.each([
    ["碧水苑7栋2单元门口的垃圾三天没人收了", "碧水苑7栋2单元门口"],
    ["和平路与解放路交叉口的红绿灯坏了", "和平路与解放路交叉口"],
    ["东湖家园北门外面的路灯不亮", "东湖家园北门"],
    ["我住在锦江华庭5幢，楼上天天半夜装修", "锦江华庭5幢"],
    ["滨江一号小区地下车库漏水严重", "滨江一号小区地下车库"],
    ["第二中学门口放学时间车停得乱七八糟", "第二中学门口"],
    ["长江路菜市场里面的秤不准", "长江路菜市场"],
    ["光明新村12号楼三单元楼道灯坏了", "光明新村12号楼三单元楼道"],
    ["5-3-402家里的水管爆了", "5-3-402"],
    ["我家孩子在实验中学读书，学校收费太多了", "实验中学"],
    ["翠竹园2期的物业太差了", "翠竹园2期"],
    ["人民医院东门那里天天堵车", "人民医院东门"],
    ["3单元门口的快递柜一直占着消防通道", "3单元门口"],
    ["育才小学侧门放学的时候全是电动车", "育才小学侧门"],
    ["「王姐：幸福小区北门的灯不亮了」我们东门也一样，锦绣苑8幢", "锦绣苑8幢"],
    ["转：「居民：6栋电梯又坏了」", "6栋"],
    ["我家在和风里3号楼，楼下井盖没了", "和风里3号楼"],
    ["每天下午五点半育英路上的校车乱停", "育英路"],
    ["长乐路338弄的下水道堵了", "长乐路338弄"],
    ["和平社区的健身器材坏了", "和平社区"],
    ["枫丹苑地库入口的栏杆坏了", "枫丹苑地库入口"],
    ["永安里菜市场门口天天堵", "永安里菜市场门口"],
  ])("finds one place in %s", (text, place) => {
    expect(extractPlaces(text)[0]).toBe(place);
  });

  it.each([
    "我们小区门口的路面坏了",
    "楼下那个垃圾桶太臭了",
    "电动车被堵在车位里挪不出来",
    "孩子在雨里淋了半天",
    "明天上午八点到十点社区卫生服务中心打疫苗的人特别多",
    "地铁3号线施工的围挡占了半条人行道",
    "这个表在电脑上怎么弄",
    "希望社区能多组织点活动",
    "垃圾桶里的东西三天没人收",
    "农村合作医疗怎么交",
    "昨晚小区门口好多人吵架",
    "社区医院什么时候能打疫苗",
    "附近有没有好一点的幼儿园",
    "建议在学校周边多安排点交警",
    "去年下大雨的时候马路上全是水",
    "老城区那边停车位太少了",
    "邻居家的狗天天叫",
    "昨天一下雨就积了半条路的水",
    "孩子明年上小学，学校太远了",
    "楼上邻居家卫生间漏水渗到楼下",
    "孩子把头伸进栏杆里拔不出来",
    "我们小区被划到了三公里外的学校",
    "买菜要坐两站公交",
    "塔吊在大风里晃得厉害",
    "培训机构跑路了，学费退不回来",
    "老人有高血压，去社区医院开药",
    "有户人家窗户里往外冒烟",
    "雾太大了开车都找不到路",
    "院子里稀里哗啦下了一夜雨，屋子里漏了",
    "半夜十二点之后广场上还有人喝酒划拳",
    "我们楼后面那个垃圾站一到夏天就臭",
    "村口那段柏油路全是裂缝",
    "草坪里全是狗屎，绿化带里也是",
    "公告栏里的通知半年没换了",
    "感谢社区帮忙联系了师傅",
    "这周日社区组织大扫除",
    "河边健身路径上的灯坏了",
    "镇上的农机站没人上班",
    "社区要是能办个儿童图书馆就好了",
  ])("finds none in %s", (text) => {
    expect(extractPlaces(text)).toEqual([]);
  });

  it("gives the parts of a place", () => {
    expect(extractStructuredPlaces("锦绣家园一期7幢2单元电梯坏了")[0]).toEqual({
      raw: "锦绣家园一期7幢2单元",
      estate: "锦绣家园一期",
      building: "7幢",
      unit: "2单元",
    });
  });

  it("finds a group's known names as they are", () => {
    const known = gazetteerOf([{ name: "第三中学", aliases: ["老三中"] }]);
    expect(extractPlaces("老三中那边又在施工", known)[0]).toBe("老三中");
    expect(extractStructuredPlaces("老三中那边又在施工", known)[0]?.estate).toBe("第三中学");
  });
});
