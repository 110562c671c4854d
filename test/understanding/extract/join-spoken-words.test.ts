// Voice-to-text spaced word by word is read without the spaces; spaces between clauses stay.
import { describe, expect, it } from "vitest";
import { joinSpokenWords } from "../../../src/understanding/extract/join-spoken-words.ts";

describe("reading text spaced word by word", () => {
  it("takes out the spaces between Chinese words when every few words are spaced", () => {
    expect(joinSpokenWords("那个 金沙 花园 7栋 门口 的 井盖 没了")).toBe("那个金沙花园7栋门口的井盖没了");
  });

  it("keeps spaces between clauses, which a reader needs as boundaries", () => {
    const text = "俺家厨房一股味儿 是不是管子坏了 俺都不敢开灯 咋整啊 电力宿舍四栋";
    expect(joinSpokenWords(text)).toBe(text);
  });

  it("keeps a message with only a space or two as it is", () => {
    expect(joinSpokenWords("@民意助手 楼道 灯坏了")).toBe("@民意助手 楼道 灯坏了");
  });

  it("joins a number to its words, and keeps numbers and Latin letters apart", () => {
    expect(joinSpokenWords("我 家 在 5 栋 3 2 那个 B 区 门口")).toBe("我家在5栋3 2那个 B 区门口");
  });
});
