import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/infra/load-config.ts";

const KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

describe("loadConfig", () => {
  it("boots with no variables at all: SQLite under data/, no platform live", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: "file:./data/minyi.db",
      role: "all",
      wecomBot: undefined,
      wecomApp: undefined,
      dingtalk: undefined,
    });
  });

  it("makes a platform live only when all of its variables are set", () => {
    const c = loadConfig({ WECOM_BOT_TOKEN: "t", WECOM_BOT_ENCODING_AES_KEY: KEY, DINGTALK_APP_SECRET: "SECx" });
    expect(c.wecomBot).toEqual({ token: "t", encodingAesKey: KEY });
    expect(c.dingtalk).toEqual({ appSecret: "SECx", appKey: undefined, apiBaseUrl: "https://api.dingtalk.com" });
  });

  it("names the missing variable when a platform is half configured", () => {
    expect(() => loadConfig({ WECOM_APP_TOKEN: "t", WECOM_APP_ENCODING_AES_KEY: KEY })).toThrow(
      /WECOM_CORP_ID missing/,
    );
  });

  it("refuses an EncodingAESKey that is not 43 letters and digits", () => {
    expect(() => loadConfig({ WECOM_BOT_TOKEN: "t", WECOM_BOT_ENCODING_AES_KEY: "short" })).toThrow(ConfigError);
  });

  it("says which variable is invalid", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
  });
});
