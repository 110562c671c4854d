// POST /dingtalk/callback — DingTalk enterprise robot, HTTP mode. The signature covers only the
// timestamp, so a captured (timestamp, sign) pair would accept any body within the window: the sign is
// stored with the message (unique), and a second message under the same sign is refused (401
// replayed_signature). The same message redelivered is a no-op. The reply URL the body names must be
// on a DingTalk origin (no SSRF). Answers `{}` once stored; the reply goes later through sessionWebhook.
import type Router from "@koa/router";
import { parseJsonObject, readBody } from "../../infra/read-body.ts";
import { RequestRejected } from "../../infra/request-rejected.ts";
import { admit, normalizeOr400, type RouteDeps } from "../admit.ts";
import { checkDingtalkSignature } from "./dingtalk-signature.ts";
import { normalizeDingtalkMessage } from "./normalize-message.ts";

export function mountDingtalkCallback(router: Router, appSecret: string, deps: RouteDeps): void {
  router.post("/dingtalk/callback", async (ctx) => {
    const sign = ctx.get("sign") || undefined;
    const check = checkDingtalkSignature(ctx.get("timestamp") || undefined, sign, appSecret, deps.now());
    if (check === "missing") throw new RequestRejected("missing_parameter", "headers timestamp and sign are required");
    if (check === "stale")
      throw new RequestRejected(
        "stale_timestamp",
        "timestamp is more than 1 hour old, or more than 5 minutes ahead of server time",
      );
    if (check === "mismatch") throw new RequestRejected("invalid_signature", "sign does not match");
    const json = parseJsonObject(await readBody(ctx), "body");
    const message = normalizeOr400("robot message", () => normalizeDingtalkMessage(json, deps.now()));
    ctx.state.outcome = message ? await admit(deps, message, sign) : "ignored";
    ctx.body = {};
  });
}
