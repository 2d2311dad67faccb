import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../context.ts";
import { fail } from "../errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Security headers on every response, computed once. (@fastify/helmet rebuilt them on
 * every request and cost about a third of a small route's throughput; these are the
 * ones that matter for this app.) HSTS and upgrade-insecure-requests only when served
 * over https: they would break plain-http LAN installs.
 */
export function securityHeaders(https: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // Mantine writes its theme variables into a <style> element at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join(";");
  return {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "x-permitted-cross-domain-policies": "none",
    ...(https ? { "strict-transport-security": "max-age=31536000" } : {}),
  };
}

export function registerSecurityHeaders(app: FastifyInstance, ctx: AppContext): void {
  const headers = securityHeaders(ctx.config.publicUrl?.startsWith("https://") ?? false);
  app.addHook("onRequest", async (_request, reply) => {
    reply.headers(headers);
  });
}

/** The app's own origin: the configured public URL, or the Host the request came to. */
export function expectedOrigin(ctx: AppContext, request: FastifyRequest): string {
  if (ctx.config.publicUrl) return new URL(ctx.config.publicUrl).origin;
  return `${request.protocol}://${request.host}`;
}

/**
 * A state-changing request that rides on the session cookie must come from the
 * app's own pages, so no other site can act for a logged-in user (CSRF). Bearer
 * tokens are not sent by browsers on their own and need no such check.
 */
export function assertSameOrigin(ctx: AppContext, request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method) || request.authVia === "token") return;
  const site = request.headers["sec-fetch-site"];
  if (typeof site === "string") {
    if (site === "same-origin" || site === "none") return;
    throw fail("forbidden", "cross_origin");
  }
  const origin = request.headers.origin;
  if (typeof origin === "string") {
    if (origin === expectedOrigin(ctx, request)) return;
    throw fail("forbidden", "cross_origin");
  }
  // No browser metadata at all: a non-browser client. Without a session cookie it
  // can do no harm (login, or a request that will get 401); with one, refuse.
  if (request.authVia === "session") {
    throw fail("forbidden", "origin_required");
  }
}
