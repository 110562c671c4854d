import { describe, expect, it } from "vitest";
import { looksForwarded, stripMention } from "../../src/channels/strip-mention.ts";

describe("mention and forward markers", () => {
  it("remove every leading mention and nothing else", () => {
    expect(stripMention("@民意助手 @张三 小区停水了 @物业")).toBe("小区停水了 @物业");
    expect(looksForwarded("居民反映：路灯坏了")).toBe(true);
    expect(looksForwarded("路灯坏了")).toBe(false);
  });
});
