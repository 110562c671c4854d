// Puts a Koa app on a listener. The request timeout covers headers and body together: a client that
// trickles its request (slow-loris) is answered 408 and disconnected after `requestTimeoutMs`, with one
// log line, instead of holding a socket and a body reader for minutes.
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type Koa from "koa";
import type { Logger } from "./create-logger.ts";

export interface Listening {
  server: Server;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

export async function serve(
  app: Koa,
  opts: { host: string; port: number; requestTimeoutMs: number; log: Logger },
): Promise<Listening> {
  const server = createServer(
    {
      requestTimeout: opts.requestTimeoutMs,
      headersTimeout: opts.requestTimeoutMs,
      // Node checks the timeouts this often (default 30 s, which would let a slow client stay far longer).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(opts.requestTimeoutMs / 4))),
    },
    app.callback(),
  );
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Socket) => {
    const timedOut = err.code === "ERR_HTTP_REQUEST_TIMEOUT";
    const status = timedOut ? 408 : 400;
    const code = timedOut ? "request_timeout" : "malformed_request";
    const reason = timedOut
      ? `request not received within ${opts.requestTimeoutMs} ms`
      : `unreadable HTTP request (${err.code ?? err.message})`;
    opts.log.warn({ status, code, reason, remote: socket.remoteAddress }, "request rejected");
    if (socket.writable) {
      const body = JSON.stringify({ error: code, message: reason });
      socket.end(
        `HTTP/1.1 ${status} ${timedOut ? "Request Timeout" : "Bad Request"}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    } else {
      socket.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${opts.host === "0.0.0.0" ? "127.0.0.1" : opts.host}:${port}`,
    close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections(); // keep-alive sockets would otherwise hold close() open
      return closed;
    },
  };
}
