// Danger in words the shared dev set does not use: each hazard in other phrasings, and the harmless
// messages that share its words. (The chat benchmark measures the rest: npm run eval -- --chat.)
import { describe, expect, it } from "vitest";
import { assessDanger } from "../../../src/understanding/extract/assess-danger.ts";

describe("danger to life or safety", () => {
  it.each([
    ["楼下好大的煤气味，好像谁家煤气罐漏了", "gas"],
    ["厨房闻到一股怪味，像臭鸡蛋，是不是天然气漏了", "gas"],
    ["12栋801窗户往外冒浓烟，好像着火了", "fire"],
    ["车棚里电瓶车烧起来了", "fire"],
    ["电梯坏在18楼和19楼之间，我妈和孩子在里面", "lift"],
    ["有人被卡在电梯里了，快来人", "lift"],
    ["电梯突然往下掉了一截，里面的人吓坏了", "lift"],
    ["电线杆被车撞断了，电线垂到地上", "electric"],
    ["老房子的阳台塌下来一块", "collapse"],
    ["大雨把地下车库淹了，水一直往里灌", "flood"],
    ["暴雨后一楼住户家里进了半米深的水", "flood"],
    ["我奶奶有老年痴呆，今天下午出去后一直没回家", "police"],
    ["孩子放学没回家，电话也打不通", "police"],
    ["楼下有人拿着棍子在追着人打", "police"],
    ["有个老太太在路边晕过去了", "medical"],
    ["有人站在12楼阳台外面要往下跳", "police"],
    ["小区里有只狗见人就咬，已经咬伤两个人了", "police"],
    ["独居的李大爷家门口报纸堆了好几天了，敲门没人应", "police"],
    ["小孩的脚卡在排水沟的铁篦子里拔不出来", "rescue"],
    ["河边有个孩子掉进水里了", "rescue"],
    // Phrasings from the later fresh batches: each stands for a cause that was missing.
    ["阀门拧不紧，液化气还在漏", "gas"],
    ["灶上的火灭了气还开着，我妈闻着头晕", "gas"],
    ["楼道里的电线一直在打火", "electric"],
    ["围墙被雨泡软了整段倒了，压着停车位", "collapse"],
    ["后山的土坡在往下滑泥，冲到了后窗", "collapse"],
    ["工地边上的路面裂开了，还在往下沉", "collapse"],
    ["电梯卡住了，我爸被关在里面快半小时了", "lift"],
    ["电梯里有人！按钮全失灵了", "lift"],
    ["他在空调外机上趴着，下不来", "rescue"],
    ["一个姑娘坐在天台边上，说要往下跳", "police"],
    ["老汉遭三轮车撞了，躺着不动", "medical"],
    ["阿姨晕在卫生间了，叫也叫不应", "medical"],
    ["我爸说话不清楚，一边手抬不起来，是不是中风", "medical"],
    ["一只大狗把放学的孩子围住了，一直往上扑", "police"],
    ["我在路上被人抢了包，手也擦伤了", "police"],
    ["儿子被几个大孩子堵在楼梯间打", "police"],
    ["我妈一个人住，从早上到现在电话都没人接", "police"],
    ["独居的刘阿姨摔在浴室里，门反锁着进不去", "police"],
    ["下水道井盖冲走了，有个骑车的连人带车栽进去了", "rescue"],
    ["轿厢停在两层中间不动了，里面有位老人", "lift"],
    ["推电闸的时候冒了一股火，屋里一股焦味", "electric"],
    ["孩子被一个自称是舅舅的陌生人接走了", "police"],
    ["他在群里发了遗言，人联系不上", "police"],
  ])("is found in %s", (text, advice) => {
    expect(assessDanger(text)?.advice).toBe(advice);
  });

  it.each([
    "电梯老是坏，能不能换一部新的",
    "加装电梯的补贴政策是什么",
    "六楼没电梯，老人上下楼太难了",
    "楼下烧烤摊烟太大了，熏得不敢开窗",
    "燃气表换了以后燃气费怎么算",
    "下周三停电检修是几点到几点",
    "消防通道被车堵了好几天了",
    "电动车在楼道里充电太危险了，能不能管管",
    "带电动车进电梯的人太多了",
    "上个月小区着火那次，消防车进不来，建议清理消防通道",
    "孩子找到了，谢谢大家帮忙",
    "困难户的补贴什么时候发",
    "跟物业说了好几次，一点反应都没有",
    "担心小区里的狗不拴绳会咬人",
    "【安全提示】闻到燃气味请立即开窗通风",
    "我家狗狗走丢了，有人看到吗",
    "楼顶的热水器架子锈了，担心哪天掉下来",
    "消防栓是空的，真着火了怎么办",
    "窨井盖不见了，晚上路过容易掉下去",
    "老人从楼梯上摔倒了以后腿一直疼，去年的事了",
    "楼下饭店天天冒黑烟，衣服都没法晾",
    "河边护栏断了，担心有人掉下去",
  ])("is not found in %s", (text) => {
    expect(assessDanger(text)).toBeNull();
  });
});
