// Prisma reports a unique-constraint violation as P2002 on every adapter. We rely on unique keys for
// idempotency, so "already there" is an expected outcome, not an error.
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}
