// A local HTTP server speaking the OpenAI chat-completions protocol (POST /v1/chat/completions), with
// scripted behaviours: a JSON answer, a refusal, a slow answer, an HTTP error. Records every request.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Behaviour =
  | { kind: "answer"; content: string }
  | { kind: "refusal"; refusal: string }
  | { kind: "slow"; ms: number; content: string }
  | { kind: "status"; status: number };

export interface FakeLlm {
  baseUrl: string;
  requests: Array<{ model: string; messages: Array<{ role: string; content: string }>; response_format?: unknown }>;
  /** Behaviours for the next requests, in order; when empty, answers 500. */
  script(...behaviours: Behaviour[]): void;
  close(): Promise<void>;
}

function completion(message: Record<string, unknown>, finishReason = "stop") {
  return {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: "test-model",
    choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: finishReason, logprobs: null }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  };
}

export async function startFakeLlm(): Promise<FakeLlm> {
  const queue: Behaviour[] = [];
  const requests: FakeLlm["requests"] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") return void res.writeHead(404).end();
    requests.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    const b = queue.shift() ?? { kind: "status", status: 500 };
    const json = (status: number, body: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (b.kind === "answer") return json(200, completion({ content: b.content, refusal: null }));
    if (b.kind === "refusal") return json(200, completion({ content: null, refusal: b.refusal }));
    if (b.kind === "slow")
      return void setTimeout(() => json(200, completion({ content: b.content, refusal: null })), b.ms);
    return json(b.status, { error: { message: "scripted failure", type: "server_error" } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...b) => void queue.push(...b),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
