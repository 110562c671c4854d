// GET/POST /wecom/app/callback — WeCom self-built app (自建应用) callback, XML or the JSON variant,
// receiveid = CorpID. Answers "success" (no passive reply, no retry) once the message is stored.
import type Router from "@koa/router";
import type { Config } from "../../infra/load-config.ts";
import { parseJsonObject, readBody } from "../../infra/read-body.ts";
import { RequestRejected } from "../../infra/request-rejected.ts";
import { admit, normalizeOr400, type RouteDeps } from "../admit.ts";
import { openEnvelope, readSignedQuery } from "./open-envelope.ts";
import { normalizeAppMessage, xmlParser } from "./normalize-app-message.ts";

type AppCrypto = NonNullable<Config["wecomApp"]>;

/** Finds the Encrypt field in an XML or JSON envelope (the JSON samples use either key case). */
function readEncrypt(body: string): string {
  const trimmed = body.trimStart();
  if (trimmed.startsWith("{")) {
    const json = parseJsonObject(trimmed, "body");
    const value = json.encrypt ?? json.Encrypt;
    if (typeof value === "string") return value;
    throw new RequestRejected("malformed_body", "body.encrypt is required");
  }
  if (trimmed.startsWith("<")) {
    let doc: { xml?: { Encrypt?: unknown } };
    try {
      doc = xmlParser.parse(trimmed) as typeof doc;
    } catch {
      throw new RequestRejected("malformed_body", "body is not well-formed XML");
    }
    const value = doc.xml?.Encrypt;
    if (typeof value === "string" && value !== "") return value;
    throw new RequestRejected("malformed_body", "<Encrypt> is required");
  }
  throw new RequestRejected("malformed_body", "body is neither XML nor JSON");
}

export function mountAppCallback(router: Router, app: AppCrypto, deps: RouteDeps): void {
  router.get("/wecom/app/callback", (ctx) => {
    const query = readSignedQuery(ctx.query);
    const echostr = ctx.query.echostr;
    if (typeof echostr !== "string" || echostr === "") {
      throw new RequestRejected("missing_parameter", "query parameter echostr is required");
    }
    ctx.type = "text/plain";
    ctx.body = openEnvelope(app, app.corpId, query, echostr, deps.now());
  });

  router.post("/wecom/app/callback", async (ctx) => {
    const query = readSignedQuery(ctx.query);
    const encrypted = readEncrypt(await readBody(ctx));
    const plaintext = openEnvelope(app, app.corpId, query, encrypted, deps.now());
    const message = normalizeOr400("app message", () => normalizeAppMessage(plaintext, deps.now()));
    ctx.state.outcome = message ? await admit(deps, message) : "ignored";
    ctx.type = "text/plain";
    ctx.body = "success";
  });
}
