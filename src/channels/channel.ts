// The one interface a channel implements. A channel is one platform: everything about it lives in its
// folder (inbound routes, normalizers, crypto, senders, errcodes, route schemas), and the composition
// root assembles the service from the table in all-channels.ts. Adding a platform (or a connection mode)
// is one folder and one row there.
import type Router from "@koa/router";
import type { z } from "zod";
import type { Config } from "../infra/load-config.ts";
import type { Logger } from "../infra/create-logger.ts";
import type { FetchLike } from "../outbox/call-platform.ts";
import type { OutboundBody } from "../outbox/outbound-body.ts";
import type { DirectRouteKind, ReplyRoute } from "../outbox/reply-route.ts";
import type { RouteDeps } from "./admit.ts";
import type { Db } from "../infra/db/create-database.ts";
import type { LiveConnections } from "./live-connections.ts";

export interface InboundDeps extends RouteDeps {
  config: Config;
}

/** What a long connection needs besides the intake: a logger, and where to say whether it is up. */
export interface ConnectDeps extends InboundDeps {
  log: Logger;
  /** For the leases of connections only one replica may hold. */
  db: Db;
  /** Where the connection registers itself for the senders that post through it. */
  live: LiveConnections;
  /** Called with true when the connection is up and false when it is down (the metrics gauge). */
  onConnectionState(channel: string, bot: string, up: boolean): void;
}

/** A connection the service opens to the platform (no public address needed). */
export interface LongConnection {
  start(): void;
  stop(): Promise<void>;
}

export interface SenderDeps {
  config: Config;
  /** The long connections this process runs, for the senders that post through them. */
  live: LiveConnections;
  now: () => Date;
  /** Abandons a call after MINYI_SEND_TIMEOUT_MS. */
  fetch: FetchLike;
}

/** Posts to one kind of route. Throws DeliveryError (src/outbox/delivery-error.ts) when it cannot. */
export interface RouteSender {
  /** Validates the route with the channel's own schema and posts the body. */
  send(route: ReplyRoute, body: OutboundBody): Promise<void>;
  /** Posts as a group robot: both platforms allow 20 a minute, and the outbox keeps to that. */
  rateLimited: boolean;
  /** The platform drops a repeat of the same message by itself, so a send that timed out may be tried more often. */
  platformDedupes?: boolean;
  /** The route goes through a long connection another replica holds: this process leaves it to that one. */
  heldElsewhere?(route: ReplyRoute): boolean;
}

export interface Channel {
  platform: "wecom" | "dingtalk";
  /** Mounts the inbound routes whose variables are set; returns their names for the start-up log. */
  mountInbound(router: Router, deps: InboundDeps): string[];
  /** The long connections its configuration asks for (none by default), named for the start-up log. */
  connections?(deps: ConnectDeps): Array<{ name: string; connection: LongConnection }>;
  /** A sender for each route kind this channel posts to. */
  senders(deps: SenderDeps): Record<string, RouteSender>;
  /** The route kinds a group's push robot may use (the groups file is checked against these schemas). */
  pushRoutes: Readonly<Record<string, z.ZodType>>;
  /**
   * Route kinds that reach people one to one (the WeCom app, the DingTalk OpenAPI), usable as a group's
   * staff route besides its push kinds. `addressed` fills in the recipients a groups file may leave out:
   * the group's deputies and staff.
   */
  directRoutes: Readonly<Record<string, DirectRouteKind>>;
}

/** Parses a stored route with the channel's schema; a route that does not fit is a permanent failure. */
export function routeOf<T>(schema: z.ZodType<T>, route: ReplyRoute, fail: (why: string) => Error): T {
  const parsed = schema.safeParse(route);
  if (!parsed.success)
    throw fail(
      `route ${route.kind} does not have its documented fields: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`,
    );
  return parsed.data;
}
