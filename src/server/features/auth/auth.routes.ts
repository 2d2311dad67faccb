import { z } from "zod";
import { loginBody, loginResponse, meResponse } from "../../../shared/auth.schemas.ts";
import type { AppContext } from "../../context.ts";
import { requireUser, SESSION_COOKIE, sessionCookieOptions } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import * as auth from "./auth.service.ts";
import { getMe } from "./me.service.ts";

export function authRoutes(app: Api, ctx: AppContext): void {
  app.post(
    "/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "Entrar: cria uma sessão e devolve o cookie",
        body: loginBody,
        response: { 200: loginResponse },
      },
    },
    async (request, reply) => {
      const old = request.cookies[SESSION_COOKIE];
      if (old) await auth.logout(ctx, old);
      const { user, sessionSecret } = await auth.login(ctx, {
        username: request.body.username,
        password: request.body.password,
        address: request.ip,
        userAgent: request.headers["user-agent"],
      });
      reply.setCookie(SESSION_COOKIE, sessionSecret, sessionCookieOptions(ctx, request));
      return { user };
    },
  );

  app.post(
    "/auth/logout",
    { schema: { tags: ["auth"], summary: "Sair: encerra a sessão", response: { 204: z.null() } } },
    async (request, reply) => {
      const secret = request.cookies[SESSION_COOKIE];
      if (secret) await auth.logout(ctx, secret);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/me",
    {
      schema: { tags: ["auth"], summary: "O usuário logado, sua pessoa e seus acessos", response: { 200: meResponse } },
    },
    async (request) => getMe(ctx, requireUser(request)),
  );
}
