// POST /dingtalk/callback — DingTalk enterprise robot, HTTP mode. The signature covers only the
// timestamp, so a captured request could be replayed within the hour: the inbox's unique msgId makes
// such a replay a no-op. Answers `{}` once stored; the reply goes later through sessionWebhook.
import type Router from "@koa/router";
import { parseJsonObject, readBody } from "../../http/read-body.ts";
import { RequestRejected } from "../../http/request-rejected.ts";
import { admit, normalizeOr400, type RouteDeps } from "../route-deps.ts";
import { checkDingtalkSignature } from "./dingtalk-signature.ts";
import { normalizeDingtalkMessage } from "./normalize-message.ts";

export function mountDingtalkCallback(router: Router, appSecret: string, deps: RouteDeps): void {
  router.post("/dingtalk/callback", async (ctx) => {
    const check = checkDingtalkSignature(ctx.get("timestamp") || undefined, ctx.get("sign") || undefined, appSecret, deps.now());
    if (check === "missing") throw new RequestRejected("missing_parameter", "headers timestamp and sign are required");
    if (check === "stale") throw new RequestRejected("stale_timestamp", "timestamp is more than 1 hour away from server time");
    if (check === "mismatch") throw new RequestRejected("invalid_signature", "sign does not match");
    const json = parseJsonObject(await readBody(ctx), "body");
    const message = normalizeOr400("robot message", () => normalizeDingtalkMessage(json));
    ctx.state.outcome = message ? await admit(deps, message) : "ignored";
    ctx.body = {};
  });
}
