import { describe, expect, it } from "vitest";
import { checkDingtalkSignature, computeDingtalkSign } from "../../../src/channels/dingtalk/dingtalk-signature.ts";

describe("DingTalk callback signature", () => {
  it("matches the worked example of the signing rule (HmacSHA256 of timestamp + newline + secret)", () => {
    expect(computeDingtalkSign("1577262236757", "this is secret")).toBe("hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=");
  });

  const secret = "SECabc";
  const now = new Date(1_800_000_000_000);
  const ts = String(now.getTime() - 5_000);

  it("accepts a fresh, correctly signed timestamp", () => {
    expect(checkDingtalkSignature(ts, computeDingtalkSign(ts, secret), secret, now)).toBe("ok");
  });

  it("refuses a timestamp more than one hour away, even when correctly signed", () => {
    const old = String(now.getTime() - 3_600_001);
    expect(checkDingtalkSignature(old, computeDingtalkSign(old, secret), secret, now)).toBe("stale");
    const future = String(now.getTime() + 3_600_001);
    expect(checkDingtalkSignature(future, computeDingtalkSign(future, secret), secret, now)).toBe("stale");
  });

  it("refuses a signature made with another secret", () => {
    expect(checkDingtalkSignature(ts, computeDingtalkSign(ts, "SECother"), secret, now)).toBe("mismatch");
  });

  it("reports missing or non-numeric headers as missing", () => {
    expect(checkDingtalkSignature(undefined, "x", secret, now)).toBe("missing");
    expect(checkDingtalkSignature(ts, undefined, secret, now)).toBe("missing");
    expect(checkDingtalkSignature("12abc", "x", secret, now)).toBe("missing");
  });
});
