import "../shared/zod-locale.ts";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { AppContext } from "./context.ts";
import { profilesRoutes } from "./features/access/profiles.routes.ts";
import { addressesRoutes } from "./features/addresses/addresses.routes.ts";
import { appointmentTypesRoutes } from "./features/appointments/appointment-types.routes.ts";
import { appointmentsRoutes } from "./features/appointments/appointments.routes.ts";
import { calendarFeedRoutes } from "./features/appointments/calendar-feed.routes.ts";
import { attachmentsRoutes } from "./features/attachments/attachments.routes.ts";
import { auditRoutes } from "./features/audit/audit.routes.ts";
import { authRoutes } from "./features/auth/auth.routes.ts";
import { contractsRoutes } from "./features/contracts/contracts.routes.ts";
import { criticalFactorsRoutes } from "./features/critical-factors/critical-factors.routes.ts";
import { currentAccountRoutes } from "./features/current-account/current-account.routes.ts";
import { importsRoutes } from "./features/imports/imports.routes.ts";
import { liveRoutes } from "./features/live/live.routes.ts";
import { mailRoutes } from "./features/mail/mail.routes.ts";
import { personsRoutes } from "./features/persons/persons.routes.ts";
import { receivablesRoutes } from "./features/receivables/receivables.routes.ts";
import { relatedRoutes } from "./features/related/related.routes.ts";
import { mailSettingsRoutes } from "./features/settings/mail-settings.routes.ts";
import { settingsRoutes } from "./features/settings/settings.routes.ts";
import { systemRoutes } from "./features/system/system.routes.ts";
import { ticketQueuesRoutes } from "./features/tickets/tickets.queue.routes.ts";
import { ticketsRoutes } from "./features/tickets/tickets.routes.ts";
import { tokensRoutes } from "./features/tokens/tokens.routes.ts";
import { usersRoutes } from "./features/users/users.routes.ts";
import { watchersRoutes } from "./features/watchers/watchers.routes.ts";
import { webhooksRoutes } from "./features/webhooks/webhooks.routes.ts";
import { registerActor } from "./plugins/actor.ts";
import { registerAuth } from "./plugins/auth.ts";
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from "./plugins/errors.ts";
import { versionFromIfMatch } from "./plugins/if-match.ts";
import { assertSameOrigin, registerSecurityHeaders } from "./plugins/security.ts";
import { responseSerializerCompiler } from "./plugins/serializer.ts";
import { registerTextInput } from "./plugins/text-input.ts";
import type { Api } from "./types.ts";

export const WEB_DIST = path.resolve(import.meta.dirname, "../../dist/web");

/** JSON bodies above this are refused with 413; imports get their own, larger limit. */
export const BODY_LIMIT = 1024 * 1024;

export type BuildAppOptions = {
  logger?: FastifyServerOptions["logger"];
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
};

/** Log lines carry no passwords, cookies, tokens or personal data from bodies. */
export const loggerOptions = (level: string): FastifyServerOptions["logger"] => ({
  level,
  serializers: {
    // Query strings carry what users search for (names, CPFs, e-mails): log the path only.
    req: (req: { method: string; url: string; id: string; ip?: string }) => ({
      method: req.method,
      // The calendar feed's secret is in its path: never log it.
      path: req.url.split("?")[0]?.replace(/^\/api\/calendar\/[^/]+/, "/api/calendar/[redacted]"),
      reqId: req.id,
    }),
  },
  redact: {
    paths: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
    censor: "[redacted]",
  },
});

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<Api> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: ctx.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // What Node's parser and the router answer on their own (431, 414, a path that does not
    // decode) comes in the one error shape too.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  // JSON in and out: a text/plain body (what a cross-site form can send without a
  // preflight) is refused with 415 instead of reaching a handler as a string.
  app.removeContentTypeParser("text/plain");
  registerTextInput(app);
  app.setValidatorCompiler(validatorCompiler);
  // Responses through fast-json-stringify from each zod schema, not a zod parse of every one.
  app.setSerializerCompiler(responseSerializerCompiler);

  const serveWeb = (options.serveWeb ?? false) && fs.existsSync(path.join(WEB_DIST, "index.html"));
  await app.register(cookie);
  registerSecurityHeaders(app, ctx);
  registerErrorHandling(app, { spaFallback: serveWeb });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Vínculo API", version: "1", description: "API HTTP do Vínculo, o CRM centrado na pessoa." },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "vinculo_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas with an id (the error body) become components, referenced from every route.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: false });

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      // Before auth: the journal's actor scope wraps every hook after it (plugins/actor.ts).
      registerActor(api, ctx);
      registerAuth(api, ctx);
      api.addHook("onRequest", async (request) => assertSameOrigin(ctx, request));
      api.addHook("preValidation", async (request) => versionFromIfMatch(request));
      api.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
      systemRoutes(typed, ctx);
      authRoutes(typed, ctx);
      usersRoutes(typed, ctx);
      tokensRoutes(typed, ctx);
      webhooksRoutes(typed, ctx);
      profilesRoutes(typed, ctx);
      settingsRoutes(typed, ctx);
      personsRoutes(typed, ctx);
      addressesRoutes(typed, ctx);
      relatedRoutes(typed, ctx);
      ticketsRoutes(typed, ctx);
      ticketQueuesRoutes(typed, ctx);
      criticalFactorsRoutes(typed, ctx);
      watchersRoutes(typed, ctx);
      receivablesRoutes(typed, ctx);
      currentAccountRoutes(typed, ctx);
      contractsRoutes(typed, ctx);
      importsRoutes(typed, ctx);
      appointmentTypesRoutes(typed, ctx);
      appointmentsRoutes(typed, ctx);
      calendarFeedRoutes(typed, ctx);
      mailRoutes(typed, ctx);
      mailSettingsRoutes(typed, ctx);
      auditRoutes(typed, ctx);
      attachmentsRoutes(typed, ctx);
      liveRoutes(typed, ctx);
    },
    { prefix: "/api" },
  );

  if (serveWeb) {
    // wildcard: files are looked up per request, so a rebuild is served without a restart;
    // preCompressed: the .br/.gz copies written at build time go to browsers that accept them.
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: true,
      preCompressed: true,
      index: ["index.html"],
      maxAge: 0,
    });
    // Hashed assets never change: cache them for a year.
    app.addHook("onSend", async (request, reply) => {
      if (request.url.startsWith("/assets/")) reply.header("Cache-Control", "public, max-age=31536000, immutable");
    });
  }
  return app;
}
