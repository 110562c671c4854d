// WeCom self-built app: message/send to one user, with the access token cached until shortly before
// it expires and fetched again once when WeCom says it is invalid (40014) or expired (42001).
import { DeliveryError, PlatformRejected } from "../../outbox/delivery-error.ts";
import type { OutboundBody } from "../../outbox/outbound-body.ts";
import { callPlatform, type FetchLike } from "../../outbox/call-platform.ts";
import { WECOM_ERRCODES } from "./wecom-errcodes.ts";
import { wecomMarkdown } from "./wecom-markdown.ts";

export interface WecomAppCredentials {
  baseUrl: string;
  corpId: string;
  secret: string | undefined;
  agentId: string | undefined;
}

const STALE_TOKEN_CODES = new Set([40014, 42001]);

export class WecomAppSender {
  private token: { value: string; expiresAt: number } | null = null;

  constructor(
    private readonly creds: WecomAppCredentials,
    private readonly now: () => Date,
    private readonly fetchImpl: FetchLike,
  ) {}

  async send(toUser: string, body: OutboundBody): Promise<void> {
    const { secret, agentId } = this.creds;
    if (!secret || !agentId)
      throw new DeliveryError("WECOM_APP_SECRET and WECOM_APP_AGENT_ID must be set to answer through the app", true);
    // WeCom drops an identical message to the same user within duplicate_check_interval (max 4 h): a
    // send repeated after a timeout does not reach the deputy twice.
    const payload = {
      touser: toUser,
      msgtype: "markdown",
      agentid: Number(agentId),
      markdown: { content: wecomMarkdown(body) },
      enable_duplicate_check: 1,
      duplicate_check_interval: 1800,
    };
    try {
      await this.post(payload, await this.accessToken(secret));
    } catch (err) {
      if (!(err instanceof PlatformRejected && STALE_TOKEN_CODES.has(err.errcode))) throw err;
      this.token = null;
      await this.post(payload, await this.accessToken(secret));
    }
  }

  private async post(payload: unknown, token: string): Promise<void> {
    const url = `${this.creds.baseUrl}/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`;
    await callPlatform(url, { method: "POST", body: payload }, this.fetchImpl, WECOM_ERRCODES);
  }

  private async accessToken(secret: string): Promise<string> {
    const now = this.now().getTime();
    if (this.token && this.token.expiresAt > now) return this.token.value;
    const url = `${this.creds.baseUrl}/cgi-bin/gettoken?corpid=${encodeURIComponent(this.creds.corpId)}&corpsecret=${encodeURIComponent(secret)}`;
    const json = await callPlatform(url, { method: "GET" }, this.fetchImpl, WECOM_ERRCODES);
    const value = String(json.access_token ?? "");
    const ttl = Number(json.expires_in ?? 7200) * 1000;
    this.token = { value, expiresAt: now + ttl - 5 * 60_000 };
    return value;
  }
}
