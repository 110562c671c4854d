// GET/POST /wecom/bot/callback — WeCom AI bot (智能机器人) HTTP callback mode (docs 100719, 101033).
// GET answers the URL check (must be within 1 s: it is pure CPU). POST verifies, decrypts, normalizes,
// stores, and answers an empty 200 ("回复空包"); the ticket reply goes later through response_url.
import type Router from "@koa/router";
import type { WecomCryptoConfig } from "../../infra/load-config.ts";
import { parseJsonObject, readBody } from "../../infra/read-body.ts";
import { RequestRejected } from "../../infra/request-rejected.ts";
import { admit, normalizeOr400, type RouteDeps } from "../admit.ts";
import { openEnvelope, readSignedQuery } from "./open-envelope.ts";
import { normalizeBotMessage } from "./normalize-bot-message.ts";

/** The AI bot's receiveid is the empty string (doc 101033). */
const BOT_RECEIVE_ID = "";

export function mountBotCallback(router: Router, crypto: WecomCryptoConfig, deps: RouteDeps): void {
  router.get("/wecom/bot/callback", (ctx) => {
    const query = readSignedQuery(ctx.query);
    const echostr = ctx.query.echostr;
    if (typeof echostr !== "string" || echostr === "") {
      throw new RequestRejected("missing_parameter", "query parameter echostr is required");
    }
    ctx.type = "text/plain";
    ctx.body = openEnvelope(crypto, BOT_RECEIVE_ID, query, echostr, deps.now());
  });

  router.post("/wecom/bot/callback", async (ctx) => {
    const query = readSignedQuery(ctx.query);
    const envelope = parseJsonObject(await readBody(ctx), "body");
    if (typeof envelope.encrypt !== "string") throw new RequestRejected("malformed_body", "body.encrypt is required");
    const plaintext = openEnvelope(crypto, BOT_RECEIVE_ID, query, envelope.encrypt, deps.now());
    const json = parseJsonObject(plaintext, "decrypted message");
    const message = normalizeOr400("AI bot message", () => normalizeBotMessage(json, deps.now()));
    ctx.state.outcome = message ? await admit(deps, message) : "ignored";
    ctx.status = 200;
    ctx.body = "";
  });
}
