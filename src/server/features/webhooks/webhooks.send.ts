import http from "node:http";
import https from "node:https";
import net from "node:net";
import { Webhook } from "standardwebhooks";
import { guardedLookup, hostOf, isPrivateAddress, PrivateAddressError } from "./webhooks.address.ts";

/**
 * One attempt at one delivery: a POST of the JSON body, signed the Standard Webhooks way
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<HMAC-SHA256>`), with a deadline for
 * the whole exchange. Redirects are not followed (a 3xx is a failure: a receiver that moved must
 * be registered again, and a redirect must not carry a signed body to another host). The answer's
 * body is read only up to a few hundred bytes, for the administrator's list.
 */

export type AttemptResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

export const SEND_LIMITS = { timeoutMs: 10_000, keepBytes: 300 };

export type SignedRequest = {
  url: string;
  allowPrivate: boolean;
  secret: string;
  messageId: string;
  timestamp: Date;
  body: string;
};

export function signatureHeaders(request: Pick<SignedRequest, "secret" | "messageId" | "timestamp" | "body">) {
  const signature = new Webhook(request.secret).sign(request.messageId, request.timestamp, request.body);
  return {
    "webhook-id": request.messageId,
    "webhook-timestamp": String(Math.floor(request.timestamp.getTime() / 1000)),
    "webhook-signature": signature,
  };
}

export function sendSigned(request: SignedRequest, limits = SEND_LIMITS): Promise<AttemptResult> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return resolve({ ok: false, status: null, error: "URL inválida" });
    }
    const host = hostOf(url);
    if (!request.allowPrivate && net.isIP(host) && isPrivateAddress(host)) {
      return resolve({ ok: false, status: null, error: new PrivateAddressError(host).message });
    }
    const client = url.protocol === "https:" ? https : http;
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const req = client.request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(request.body),
          "user-agent": "Vinculo-Webhooks/1",
          ...signatureHeaders(request),
        },
        // A fresh connection per attempt: a pooled one would skip the address check of the lookup.
        agent: false,
        ...(request.allowPrivate ? {} : { lookup: guardedLookup }),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const kept: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < limits.keepBytes) kept.push(chunk);
          size += chunk.length;
        });
        res.on("error", () => finish({ ok: false, status, error: "resposta interrompida" }));
        res.on("end", () => {
          if (status >= 200 && status < 300) return finish({ ok: true, status });
          const text = Buffer.concat(kept).toString("utf8").slice(0, limits.keepBytes).replace(/\s+/g, " ").trim();
          finish({ ok: false, status, error: text ? `HTTP ${status}: ${text}` : `HTTP ${status}` });
        });
      },
    );
    const deadline = setTimeout(() => {
      req.destroy();
      finish({ ok: false, status: null, error: `sem resposta em ${Math.round(limits.timeoutMs / 1000)} s` });
    }, limits.timeoutMs);
    req.on("error", (err: NodeJS.ErrnoException) => {
      const error =
        err instanceof PrivateAddressError ? err.message : err.code ? `${err.code}: ${err.message}` : err.message;
      finish({ ok: false, status: null, error: error.slice(0, limits.keepBytes) });
    });
    req.end(request.body);
  });
}
