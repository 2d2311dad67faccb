import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext, AuthUser } from "../context.ts";
import { fail } from "../errors.ts";
import { apiTokenUser, userFromSession } from "../features/auth/auth.service.ts";

declare module "fastify" {
  // biome-ignore lint/style/useConsistentTypeDefinitions: module augmentation needs an interface
  interface FastifyRequest {
    user: AuthUser | null;
    /** How the user was recognised: the cookie needs a same-origin check, a bearer token does not. */
    authVia: "session" | "token" | null;
    /** The API token's id when `authVia` is "token" (the journal names it beside the user). */
    apiTokenId: number | null;
  }
}

export const SESSION_COOKIE = "vinculo_session";

/** Resolves `request.user` from the session cookie or an `Authorization: Bearer` API token. */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("user", null);
  app.decorateRequest("authVia", null);
  app.decorateRequest("apiTokenId", null);
  app.addHook("onRequest", async (request) => {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const found = match?.[1] ? await apiTokenUser(ctx, match[1]) : null;
      if (!found) throw fail("unauthorized", "bad_token");
      request.user = found.user;
      request.authVia = "token";
      request.apiTokenId = found.tokenId;
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (secret) {
      const user = await userFromSession(ctx, secret);
      if (user) {
        request.user = user;
        request.authVia = "session";
      }
    }
  });
}

export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw fail("unauthorized", "login_required");
  return request.user;
}

export function requireAdmin(request: FastifyRequest): AuthUser {
  const user = requireUser(request);
  if (!user.isAdmin) throw fail("forbidden", "admin_only");
  return user;
}

/** Route-level guards, for `onRequest`/`preHandler` options. */
export const userOnly = async (request: FastifyRequest, _reply: FastifyReply) => {
  requireUser(request);
};
export const adminOnly = async (request: FastifyRequest, _reply: FastifyReply) => {
  requireAdmin(request);
};

export function sessionCookieOptions(ctx: AppContext, request: FastifyRequest) {
  const secure = request.protocol === "https" || (ctx.config.publicUrl?.startsWith("https://") ?? false);
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    maxAge: Math.floor(ctx.config.sessionAbsoluteMs / 1000),
  };
}
