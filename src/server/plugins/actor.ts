import type { AsyncResource } from "node:async_hooks";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../context.ts";
import { flushAccessLog, setAccessLogWarn } from "../features/audit/access-log.service.ts";
import { requestScope } from "../features/audit/actor.ts";

const scopes = new WeakMap<FastifyRequest, AsyncResource>();

/**
 * Who acts, for the journal (features/audit/): every request runs in a scope that knows it, so a
 * service's recordChange finds the user, the token, the address and the user agent without a new
 * parameter. Registered before the auth hook; the user is read when a change is recorded, once
 * auth has resolved it. Closing the app writes what the access log still holds in memory.
 */
export function registerActor(app: FastifyInstance, ctx: AppContext): void {
  app.addHook("onRequest", (request, _reply, done) => {
    const scope = requestScope(request);
    scopes.set(request, scope);
    scope.runInAsyncScope(done);
  });
  // Body parsing ends in the request stream's own async context: step back into the request's.
  app.addHook("preValidation", (request, _reply, done) => {
    const scope = scopes.get(request);
    if (scope) scope.runInAsyncScope(done);
    else done();
  });
  setAccessLogWarn(ctx, (obj, msg) => app.log.warn(obj, msg));
  app.addHook("onClose", async () => {
    await flushAccessLog(ctx);
  });
}
