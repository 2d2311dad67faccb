import { z } from "zod";
import { loginBody, loginResponse, meResponse } from "../../../shared/auth.schemas.ts";
import { errors } from "../../../shared/common.schemas.ts";
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
        response: { 200: loginResponse, ...errors(400, 401, 403, 413, 415, 429, 503) },
      },
    },
    async (request, reply) => {
      const { user, sessionSecret } = await auth.login(ctx, {
        username: request.body.username,
        password: request.body.password,
        address: request.ip,
        userAgent: request.headers["user-agent"],
        previousSession: request.cookies[SESSION_COOKIE],
      });
      reply.setCookie(SESSION_COOKIE, sessionSecret, sessionCookieOptions(ctx, request));
      return { user };
    },
  );

  app.post(
    "/auth/logout",
    {
      schema: {
        tags: ["auth"],
        summary: "Sair: encerra a sessão",
        response: { 204: z.null(), ...errors(400, 401, 403, 413, 415, 503) },
      },
    },
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
      schema: {
        tags: ["auth"],
        summary: "O usuário logado, sua pessoa e seus acessos",
        response: { 200: meResponse, ...errors(401) },
      },
    },
    async (request) => getMe(ctx, requireUser(request)),
  );
}
