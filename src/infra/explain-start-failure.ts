// What went wrong at start, in words an operator can act on, instead of a stack trace: the port is taken,
// the database cannot be reached or opened, a file named in the configuration is missing.
export function explainStartFailure(
  err: unknown,
  config: { port: number; host: string; databaseUrl: string },
): string | null {
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e?.code ?? e?.cause?.code;
  const db = config.databaseUrl.replace(/\/\/[^@/]*@/, "//…@"); // no password in the message
  if (code === "EADDRINUSE")
    return `Port ${config.port} on ${config.host} is already in use: stop what is listening there or set PORT to a free port.`;
  if (code === "EACCES" && e.syscall === "listen")
    return `Not allowed to listen on port ${config.port}: use a port above 1024 (PORT).`;
  if (
    code === "ECONNREFUSED" ||
    code === "ENOTFOUND" ||
    code === "ETIMEDOUT" ||
    /ECONNREFUSED|ENOTFOUND|Can't reach database/u.test(String(e?.message))
  ) {
    return `The database at ${db} cannot be reached (${code ?? "connection refused"}): check DATABASE_URL and that the server is running.`;
  }
  if (code === "SQLITE_CANTOPEN" || /unable to open database/u.test(String(e?.message)))
    return `The SQLite file of ${db} cannot be opened: check that its folder exists and is writable.`;
  if (code === "ENOENT" && e.path) return `A file the configuration names does not exist: ${e.path}.`;
  return null;
}
