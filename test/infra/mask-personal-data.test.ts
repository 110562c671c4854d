import { describe, expect, it } from "vitest";
import { maskForPost, maskPersonalData } from "../../src/infra/mask-personal-data.ts";
import { brief } from "../../src/wording/brief.ts";

describe("maskPersonalData", () => {
  it.each([
    ["我的电话13812345678，请联系我", "我的电话138****5678，请联系我"],
    ["联系方式：+86 138-1234-5678", "联系方式：138****5678"],
    ["座机 0755-86001234 白天有人", "座机 0755*******34 白天有人"],
    ["身份证号11010519491231002X办理低保", "身份证号110***********002X办理低保"],
    ["工资卡 6222 0212 3456 7890 123 被冻结", "工资卡 6222***********0123 被冻结"],
    ["车牌粤B12345天天堵在消防通道", "车牌粤B****5天天堵在消防通道"],
    ["新能源车沪AD12345占了充电位", "新能源车沪A*****5占了充电位"],
    ["邮箱 zhangsan@example.com", "邮箱 z****@example.com"],
    ["身份证号是 4401 0619 9001 0112 34，办居住证被退回", "身份证号是 440***********1234，办居住证被退回"],
    ["电话号码一三八一二三四五六七八，楼道里有烟", "电话号码一三八****五六七八，楼道里有烟"],
  ])("masks %s", (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it("leaves house numbers, dates, amounts and ticket numbers alone", () => {
    const text = "幸福小区3栋2单元501室，2026年11月22日报修，押金2000元，工单#2026-0007";
    expect(maskPersonalData(text)).toBe(text);
  });

  it("masks every occurrence in a longer message", () => {
    const masked = maskPersonalData("找13800000001或者13900000002都行");
    expect(masked).toBe("找138****0001或者139****0002都行");
  });
});

describe("names and rooms", () => {
  it("masks a name someone gives themselves, everywhere", () => {
    expect(maskPersonalData("我叫张伟，住幸福小区")).toBe("我叫张*，住幸福小区");
    expect(maskPersonalData("我是3号楼的王阿姨")).toBe("我是3号楼的某阿姨");
  });

  it("masks room numbers in what is posted to a group, and only there", () => {
    expect(maskForPost("幸福小区3栋502漏水，3-2-501也是")).toBe("幸福小区3栋***漏水，3-2-***也是");
    expect(maskPersonalData("3-2-501家里水压小")).toBe("3-2-501家里水压小");
  });

  it("masks an ID number the same way in a cut summary as in the whole text", () => {
    const text = "我的身份证号110101199003071234丢了，麻烦问下怎么补办，另外我们小区门口的路灯也坏了好几天了，晚上很黑";
    expect(brief(text)).toContain("110***********1234");
    expect(maskForPost(text)).toContain("110***********1234");
  });
});
