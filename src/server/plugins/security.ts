import helmet from "@fastify/helmet";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Security headers on every response. HSTS only when served over https (it would break plain-http LAN installs). */
export async function registerSecurityHeaders(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const https = ctx.config.publicUrl?.startsWith("https://") ?? false;
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its theme variables into a <style> element at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: false } : false,
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: "deny" },
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
    throw new AppError("forbidden", "Requisição de outra origem recusada.");
  }
  const origin = request.headers.origin;
  if (typeof origin === "string") {
    if (origin === expectedOrigin(ctx, request)) return;
    throw new AppError("forbidden", "Requisição de outra origem recusada.");
  }
  // No browser metadata at all: a non-browser client. Without a session cookie it
  // can do no harm (login, or a request that will get 401); with one, refuse.
  if (request.authVia === "session") {
    throw new AppError("forbidden", "Requisição sem cabeçalho Origin recusada: envie Origin ou use um token de API.");
  }
}
