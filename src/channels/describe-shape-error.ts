// Says which field of a platform payload is wrong, e.g. "msgid: Too big: expected string to have <=256
// characters; create_time: …", instead of the first line of zod's multi-line JSON dump.
import { ZodError } from "zod";

export function describeShapeError(err: unknown): string {
  if (err instanceof ZodError) {
    return err.issues
      .slice(0, 3)
      .map((i) => `${i.path.length ? i.path.join(".") : "(message)"}: ${i.message}`)
      .join("; ");
  }
  return err instanceof Error ? (err.message.split("\n")[0] ?? err.name) : String(err);
}
