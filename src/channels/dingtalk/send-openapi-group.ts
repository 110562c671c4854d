// DingTalk OpenAPI robot messages: to a group (robot in an internal-app group): POST /v1.0/robot/groupMessages/send
// or one to one (POST /v1.0/robot/oToMessages/batchSend {…, userIds}),
// with header x-acs-dingtalk-access-token and {msgKey, msgParam (a JSON string), openConversationId,
// robotCode}. The token comes from POST /v1.0/oauth2/accessToken {appKey, appSecret} (valid 7200 s),
// cached until five minutes before it expires and fetched again once when DingTalk refuses it (401).
// Unlike the webhooks, this API answers failures with an HTTP 4xx and {code, message}.
import { DeliveryError, fetchFailure, NetworkFailure } from "../../outbox/delivery-error.ts";
import type { FetchLike } from "../../outbox/call-platform.ts";
import type { OutboundBody } from "../../outbox/outbound-body.ts";

export interface DingtalkAppCredentials {
  baseUrl: string;
  appKey: string | undefined;
  appSecret: string;
}

function markdownOf(body: OutboundBody): { msgKey: string; msgParam: string } {
  return { msgKey: "sampleMarkdown", msgParam: JSON.stringify({ title: body.title, text: body.markdown }) };
}

export class DingtalkOpenApiSender {
  private token: { value: string; expiresAt: number } | null = null;

  constructor(
    private readonly creds: DingtalkAppCredentials,
    private readonly now: () => Date,
    private readonly fetchImpl: FetchLike = fetch,
  ) {}

  async sendToGroup(route: { openConversationId: string; robotCode: string }, body: OutboundBody): Promise<void> {
    // The OpenAPI markdown has no @-mention field: mentioned members are named in the text instead.
    await this.call("/v1.0/robot/groupMessages/send", {
      ...markdownOf(body),
      openConversationId: route.openConversationId,
      robotCode: route.robotCode,
    });
  }

  /** One to one, to each of `userIds` (staffIds), through oToMessages/batchSend (at most 20 a call). */
  async sendToUsers(route: { userIds: string[]; robotCode: string }, body: OutboundBody): Promise<void> {
    await this.call("/v1.0/robot/oToMessages/batchSend", {
      ...markdownOf(body),
      userIds: route.userIds,
      robotCode: route.robotCode,
    });
  }

  /** Posts with the cached token; fetches a new one once when DingTalk refuses it (401). */
  private async call(path: string, payload: unknown): Promise<void> {
    const first = await this.post(path, payload, await this.accessToken());
    if (first.status !== 401) return this.check(first);
    this.token = null;
    this.check(await this.post(path, payload, await this.accessToken()));
  }

  private check(res: { status: number; json: Record<string, unknown> }): void {
    if (res.status < 400) return;
    const detail = `HTTP ${res.status} ${String(res.json.code ?? "")}: ${String(res.json.message ?? "")}`;
    if (res.status === 429 || String(res.json.code ?? "").startsWith("Throttling"))
      throw new DeliveryError(detail, false, 60_000);
    throw new DeliveryError(detail, true);
  }

  private async post(
    path: string,
    payload: unknown,
    token?: string,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.creds.baseUrl}${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          ...(token ? { "x-acs-dingtalk-access-token": token } : {}),
        },
        body: JSON.stringify(payload),
      });
    } catch (err) {
      throw fetchFailure(err);
    }
    if (res.status >= 500) throw new NetworkFailure(`HTTP ${res.status}`);
    const text = await res.text().catch(() => "");
    try {
      return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    } catch {
      throw new NetworkFailure(`HTTP ${res.status} with a body that is not JSON`);
    }
  }

  private async accessToken(): Promise<string> {
    const { appKey, appSecret } = this.creds;
    if (!appKey) throw new DeliveryError("DINGTALK_APP_KEY must be set to post through the DingTalk OpenAPI", true);
    const now = this.now().getTime();
    if (this.token && this.token.expiresAt > now) return this.token.value;
    const res = await this.post("/v1.0/oauth2/accessToken", { appKey, appSecret });
    this.check(res);
    const value = String(res.json.accessToken ?? "");
    if (!value) throw new DeliveryError("DingTalk accessToken answer without a token", false);
    this.token = { value, expiresAt: now + Number(res.json.expireIn ?? 7200) * 1000 - 5 * 60_000 };
    return value;
  }
}
