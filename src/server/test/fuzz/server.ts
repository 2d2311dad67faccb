import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { buildApp } from "../../app.ts";
import type { TestApp } from "../test-app.ts";

/**
 * The app on a real socket (127.0.0.1, a free port) with its log kept: Node's HTTP parser is in
 * the path (431 for huge headers, raw path bytes, bodies as sent), and each 5xx comes with the
 * error the server logged for it.
 */

export type LogLine = {
  level: number;
  msg: string;
  err?: { type?: string; message?: string; code?: string; stack?: string };
};

export type Answer =
  | { kind: "answer"; status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number }
  | { kind: "no-answer"; error: string; ms: number }
  /** The client itself would not send it (a header Node refuses): not the server's doing. */
  | { kind: "unsendable"; error: string };

export type WireRequest = { method: string; path: string; headers: Record<string, string>; body: Buffer | undefined };

export type FuzzServer = {
  origin: string;
  send: (request: WireRequest) => Promise<Answer>;
  /** Log lines (warn and above) written since the last call. */
  drainLog: () => LogLine[];
  close: () => Promise<void>;
};

export async function startServer(t: TestApp, options: { timeoutMs?: number } = {}): Promise<FuzzServer> {
  let lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString("utf8").split("\n")) {
        if (!text.trim()) continue;
        try {
          lines.push(JSON.parse(text) as LogLine);
        } catch {
          lines.push({ level: 50, msg: text });
        }
      }
      done();
    },
  });
  const app = await buildApp(t.ctx, { logger: { level: "warn", stream } });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  // A connection per request: a socket the server closed after one answer (413, 431) is never
  // reused for the next request, so "no answer" always belongs to the request that got none.
  const agent = new http.Agent({ keepAlive: false, maxSockets: 1 });
  const timeoutMs = options.timeoutMs ?? 15_000;

  const send = (request: WireRequest) =>
    new Promise<Answer>((resolve) => {
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);
      let req: http.ClientRequest;
      try {
        req = http.request({
          host: "127.0.0.1",
          port,
          method: request.method,
          path: request.path,
          agent,
          headers: { ...request.headers, ...(request.body ? { "content-length": String(request.body.length) } : {}) },
        });
      } catch (error) {
        resolve({ kind: "unsendable", error: String(error) });
        return;
      }
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        // A stream that never ends (Server-Sent Events): judged on its head and first message.
        const endless = String(res.headers["content-type"] ?? "").startsWith("text/event-stream");
        const settle = () => {
          resolve({
            kind: "answer",
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: ms(),
          });
          req.destroy();
        };
        if (endless) setTimeout(settle, 1000).unref();
        res.on("data", (c: Buffer) => {
          chunks.push(c);
          if (endless && Buffer.concat(chunks).includes("\n\n")) settle();
        });
        res.on("end", () =>
          resolve({
            kind: "answer",
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: ms(),
          }),
        );
        res.on("error", (error) => resolve({ kind: "no-answer", error: String(error), ms: ms() }));
      });
      req.on("error", (error) => resolve({ kind: "no-answer", error: String(error), ms: ms() }));
      req.end(request.body);
    });

  return {
    origin: `http://127.0.0.1:${port}`,
    send,
    drainLog: () => {
      const out = lines;
      lines = [];
      return out;
    },
    close: async () => {
      agent.destroy();
      await app.close();
    },
  };
}
