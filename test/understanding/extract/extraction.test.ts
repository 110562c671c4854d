import { describe, expect, it } from "vitest";
import { assessUrgency } from "../../../src/understanding/extract/assess-urgency.ts";
import { extractContacts } from "../../../src/understanding/extract/extract-contacts.ts";
import { extractPlaces } from "../../../src/understanding/extract/extract-place.ts";

describe("extractPlaces", () => {
  it.each([
    ["幸福小区3栋门口的路灯坏了一个星期", ["幸福小区3栋门口"]],
    ["和平路与建设路交叉口的雨水井堵了", ["和平路与建设路交叉口"]],
    ["我住在阳光花园二期5号楼2单元，楼道灯不亮", ["阳光花园二期5号楼2单元"]],
    ["人民路东段有个大坑", ["人民路东段"]],
    ["我们小区停车位太少", []],
    ["马路上全是垃圾", []],
    ["独居老人吃饭不方便，希望社区能办个老年食堂", []],
    ["希望家园小区门口积水", ["希望家园小区门口"]],
  ])("finds the places in %s", (text, places) => {
    expect(extractPlaces(text)).toEqual(places);
  });
});

describe("assessUrgency", () => {
  it("sends danger to people to immediate transfer, with the words that decided", () => {
    expect(assessUrgency("楼道里电线裸露，还漏电，孩子经常在这玩")).toEqual({
      urgency: "immediate",
      signals: ["漏电、电线或火花", "孩子"],
      danger: { reason: "漏电、电线或火花", advice: "electric", level2: "供水供电供气" },
    });
  });

  it("sends a gas smell to immediate transfer, and an outage alone to ordinary handling", () => {
    expect(assessUrgency("闻到很重的燃气味").urgency).toBe("immediate");
    expect(assessUrgency("小区已经停水两天了").urgency).toBe("normal");
  });

  it("gives matters of the elderly and children priority", () => {
    expect(assessUrgency("独居老人吃饭不方便，希望办个老年食堂")).toEqual({
      urgency: "priority",
      signals: ["独居", "老人"],
      danger: null,
    });
  });

  it("leaves ordinary matters normal", () => {
    expect(assessUrgency("小区车位太少，晚上停不下车")).toEqual({ urgency: "normal", signals: [], danger: null });
  });
});

describe("extractContacts", () => {
  it("finds mobile and landline numbers in their usual spellings", () => {
    expect(extractContacts("有事打13812345678或者 +86 139-0000-1111，白天 0755-86001234")).toEqual([
      "13812345678",
      "13900001111",
      "075586001234",
    ]);
  });

  it("does not mistake an ID card number or a date for a phone number", () => {
    expect(extractContacts("身份证11010519491231002X，2026年11月22日")).toEqual([]);
  });
});
