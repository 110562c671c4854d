// The middle baseline for bench:ingest: the service's own platform routes and HTTP app (signature check,
// decryption, parsing, normalising, the message's schema, the reply-URL rule, the group lookup answered from
// memory) with an intake that stores nothing. Between bare Koa and the real service, it splits the gap into
// what the checks before the acknowledgement cost and what the durable write costs. Configured from the same
// environment variables as the service. It runs from the sources through tsx, as the bare server does (tsx
// compiles each module once at import; the request path is the same JavaScript the built service runs).
import Router from "@koa/router";
import { CHANNELS } from "../src/channels/all-channels.ts";
import type { Intake } from "../src/inbox/intake.ts";
import { createLogger } from "../src/infra/create-logger.ts";
import { createApp } from "../src/infra/http-app.ts";
import { serve } from "../src/infra/http-serve.ts";
import { loadConfig } from "../src/infra/load-config.ts";

const config = loadConfig(process.env);
const log = createLogger(config.logLevel);
const storesNothing: Intake = {
  isKnownGroup: () => Promise.resolve(true),
  accept: () => Promise.resolve("stored"),
};
const deps = { intake: storesNothing, now: () => new Date(), replyOrigins: config.replyOrigins, config };
const app = createApp({
  log,
  mount: (router: Router) => CHANNELS.forEach((c) => c.mountInbound(router, deps)),
  healthCheck: () => Promise.resolve(),
});
const listening = await serve(app, { host: "127.0.0.1", port: 0, requestTimeoutMs: config.requestTimeoutMs, log });
console.log(JSON.stringify({ url: listening.url }));
process.once("SIGTERM", () => process.exit(0)); // exits cleanly (node --cpu-prof writes its profile on exit)
