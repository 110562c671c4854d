// The desk: the web page at /admin/ (static files from web/admin, served by the service itself: no CDN, no
// build step) and the REST API at /api/v1 it is built on. Mounted on the main listener.
import { readFileSync } from "node:fs";
import type Router from "@koa/router";
import type { Context } from "koa";
import type { Logger } from "../infra/create-logger.ts";
import { RequestRejected } from "../infra/request-rejected.ts";
import { mountSessionApi } from "./api/mount-session-api.ts";
import { mountTicketsApi, type TicketsApiDeps } from "./api/mount-tickets-api.ts";
import { OPENAPI } from "./api/openapi.ts";
import { mountFiguresApi, type FiguresApiDeps } from "./api/mount-figures-api.ts";
import { mountStuckApi, type StuckApiDeps } from "./api/mount-stuck-api.ts";
import { mountIntegrationsApi, type IntegrationsApiDeps } from "./api/mount-integrations-api.ts";
import { mountGroupsApi, type GroupsApiDeps } from "./api/mount-groups-api.ts";
import { mountSettingsApi, type SettingsApiDeps } from "./api/mount-settings-api.ts";
import { mountLedgerApi, type LedgerApiDeps } from "./api/mount-ledger-api.ts";
import { mountProposalsApi, type ProposalsApiDeps } from "./api/mount-proposals-api.ts";

export interface DeskDeps
  extends
    TicketsApiDeps,
    FiguresApiDeps,
    StuckApiDeps,
    IntegrationsApiDeps,
    GroupsApiDeps,
    SettingsApiDeps,
    LedgerApiDeps,
    ProposalsApiDeps {
  sessionMs: number;
  log: Logger;
}

/** src/desk → web/admin (dist/desk → web/admin in the build: the same depth). */
const PAGE_DIR = new URL("../../web/admin/", import.meta.url);
const ASSETS: Record<string, string> = {
  "index.html": "text/html; charset=utf-8",
  "app.js": "text/javascript; charset=utf-8",
  "app.css": "text/css; charset=utf-8",
};
/** Only our own files; no inline script, no frames. */
const PAGE_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-cache",
};

export function mountDesk(router: Router, deps: DeskDeps): void {
  mountSessionApi(router, deps);
  mountTicketsApi(router, deps);
  mountFiguresApi(router, deps);
  mountStuckApi(router, deps);
  mountIntegrationsApi(router, deps);
  mountGroupsApi(router, deps);
  mountSettingsApi(router, deps);
  mountLedgerApi(router, deps);
  mountProposalsApi(router, deps);
  router.get("/api/v1/openapi.json", (ctx) => {
    ctx.body = OPENAPI;
  });

  const files = new Map(Object.keys(ASSETS).map((name) => [name, readFileSync(new URL(name, PAGE_DIR))]));
  const serve = (ctx: Context, name: string) => {
    const body = files.get(name);
    if (!body) throw new RequestRejected("not_found", `no page ${name.slice(0, 40)}`);
    ctx.set(PAGE_HEADERS);
    ctx.type = ASSETS[name]!;
    ctx.body = body;
  };
  // Relative asset paths need the trailing slash; the router matches "/admin" and "/admin/" alike.
  router.get("/admin/", (ctx) => (ctx.path.endsWith("/") ? serve(ctx, "index.html") : ctx.redirect("/admin/")));
  router.get("/admin/:file", (ctx) => serve(ctx, ctx.params.file ?? ""));
}
