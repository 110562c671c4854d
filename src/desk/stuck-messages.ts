// What is stuck, for the admin API (/admin/…, bearer token) and the desk (/api/v1/stuck): outbound messages
// parked with their reason, inbound messages whose processing failed, destinations the platform blocked; and
// putting them back in their queue. A retry gives a parked message fresh attempts and sends it now.
import type { Db } from "../infra/db/create-database.ts";
import { RequestRejected } from "../infra/request-rejected.ts";

const LIST_LIMIT = 200;
const MAX_ID = 2 ** 31 - 1;

/** A row id from the path: a positive 32-bit integer, else 400 (never a database error). */
export function rowId(raw: string | undefined): number {
  const id = Number(raw);
  if (!/^\d{1,10}$/.test(raw ?? "") || !Number.isSafeInteger(id) || id < 1 || id > MAX_ID) {
    throw new RequestRejected("malformed_body", `id must be a positive integer up to ${MAX_ID}`);
  }
  return id;
}

const requeue = { status: "pending", attempts: 0, uncertainSends: 0, lockedUntil: null } as const;

export async function listOutbox(db: Db, status: string) {
  const rows = await db.outboxMessage.findMany({
    where: { status },
    orderBy: { id: "desc" },
    take: LIST_LIMIT,
    select: {
      id: true,
      dedupeKey: true,
      destination: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      nextAttemptAt: true,
      body: true,
      ticket: { select: { number: true } },
    },
  });
  return rows.map(({ body, ticket, ...r }) => ({
    ...r,
    ticket: ticket?.number ?? null,
    title: (JSON.parse(body) as { title?: string }).title ?? "",
  }));
}

export function listInbox(db: Db, status: string) {
  return db.inboxMessage.findMany({
    where: { status },
    orderBy: { id: "desc" },
    take: LIST_LIMIT,
    select: {
      id: true,
      channel: true,
      platformMessageId: true,
      status: true,
      attempts: true,
      lastError: true,
      receivedAt: true,
    },
  });
}

export function listBlockedDestinations(db: Db, now: Date) {
  return db.outboundDestination.findMany({
    where: { blockedUntil: { gt: now } },
    orderBy: { blockedUntil: "desc" },
    take: LIST_LIMIT,
  });
}

/** Every parked message of a destination and/or whose reason contains `error`; returns how many. */
export async function retryParkedMatching(db: Db, f: { destination?: string; error?: string }, now: Date) {
  const { count } = await db.outboxMessage.updateMany({
    where: {
      status: "parked",
      ...(f.destination ? { destination: f.destination } : {}),
      ...(f.error ? { lastError: { contains: f.error } } : {}),
    },
    data: { ...requeue, nextAttemptAt: now },
  });
  return count;
}

/** @throws RequestRejected 404 when there is no such message, 409 when it is not parked. */
export async function retryParked(db: Db, id: number, now: Date): Promise<void> {
  const { count } = await db.outboxMessage.updateMany({
    where: { id, status: "parked" },
    data: { ...requeue, nextAttemptAt: now },
  });
  if (count === 1) return;
  const exists = await db.outboxMessage.findUnique({ where: { id }, select: { status: true } });
  if (!exists) throw new RequestRejected("not_found", `no outbox message ${id}`);
  throw new RequestRejected("conflict", `message ${id} is ${exists.status}, not parked`);
}

/** @throws RequestRejected 404 when there is no such message, 409 when it has not failed. */
export async function retryFailedInbox(db: Db, id: number): Promise<void> {
  const { count } = await db.inboxMessage.updateMany({
    where: { id, status: "failed" },
    data: { status: "pending", attempts: 0, lockedUntil: null },
  });
  if (count === 1) return;
  const exists = await db.inboxMessage.findUnique({ where: { id }, select: { status: true } });
  if (!exists) throw new RequestRejected("not_found", `no inbox message ${id}`);
  throw new RequestRejected("conflict", `message ${id} is ${exists.status}, not failed`);
}
