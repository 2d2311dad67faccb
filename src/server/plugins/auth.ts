import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext, AuthUser } from "../context.ts";
import { AppError } from "../errors.ts";
import { userFromApiToken, userFromSession } from "../features/auth/auth.service.ts";

declare module "fastify" {
  // biome-ignore lint/style/useConsistentTypeDefinitions: module augmentation needs an interface
  interface FastifyRequest {
    user: AuthUser | null;
    /** How the user was recognised: the cookie needs a same-origin check, a bearer token does not. */
    authVia: "session" | "token" | null;
  }
}

export const SESSION_COOKIE = "vinculo_session";

/** Resolves `request.user` from the session cookie or an `Authorization: Bearer` API token. */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("user", null);
  app.decorateRequest("authVia", null);
  app.addHook("onRequest", async (request) => {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const user = match?.[1] ? await userFromApiToken(ctx, match[1]) : null;
      if (!user) throw new AppError("unauthorized", "Token de API inválido ou revogado.");
      request.user = user;
      request.authVia = "token";
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
  if (!request.user) throw new AppError("unauthorized", "Faça login para continuar.");
  return request.user;
}

export function requireAdmin(request: FastifyRequest): AuthUser {
  const user = requireUser(request);
  if (!user.isAdmin) throw new AppError("forbidden", "Somente administradores podem fazer isto.");
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
