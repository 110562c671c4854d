// The Koa application: one error boundary, liveness (/healthz), readiness (/readyz), metrics when asked,
// and whatever routes the composition root mounts. Knows nothing about platforms.
import Koa from "koa";
import Router from "@koa/router";
import type { Registry } from "prom-client";
import type { Logger } from "./create-logger.ts";
import { RequestRejected } from "./request-rejected.ts";

export interface AppOptions {
  log: Logger;
  /** Adds the platform routes. */
  mount: (router: Router) => void;
  /** Answers /healthz (the process is alive and its database answers); throws when it is not. */
  healthCheck: () => Promise<void>;
  /** Answers /readyz: whether this replica can serve (migrations applied), with what is missing. */
  readyCheck?: () => Promise<{ ready: boolean }>;
  /** Serves GET /metrics in Prometheus' text format when set. */
  metrics?: Registry;
}

export function createApp({ log, mount, healthCheck, readyCheck, metrics }: AppOptions): Koa {
  const app = new Koa();
  app.proxy = true;

  // Every refusal is a 4xx with a stable code and a reason, logged once; anything else is a 500.
  app.use(async (ctx, next) => {
    try {
      await next();
      if (ctx.state.outcome) log.info({ path: ctx.path, outcome: ctx.state.outcome }, "callback accepted");
    } catch (err) {
      if (err instanceof RequestRejected) {
        ctx.status = err.status;
        ctx.body = { error: err.code, message: err.message };
        log.warn(
          { method: ctx.method, path: ctx.path, status: err.status, code: err.code, reason: err.message },
          "request rejected",
        );
        return;
      }
      ctx.status = 500;
      ctx.body = { error: "internal_error", message: "internal error, please retry" };
      log.error({ err, method: ctx.method, path: ctx.path }, "request failed");
    }
  });

  const router = new Router();
  router.get("/healthz", async (ctx) => {
    await healthCheck();
    ctx.body = { ok: true };
  });
  if (readyCheck)
    router.get("/readyz", async (ctx) => {
      const state = await readyCheck().catch((err: Error) => ({ ready: false, error: err.message }));
      ctx.status = state.ready ? 200 : 503;
      ctx.body = state;
    });
  if (metrics)
    router.get("/metrics", async (ctx) => {
      ctx.type = metrics.contentType;
      ctx.body = await metrics.metrics();
    });
  mount(router);
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
