import { errors } from "../../../shared/common.schemas.ts";
import {
  companyCriticalFactors,
  companyCriticalFactorsQuery,
  criticalFactorSettings,
  personCriticalFactors,
  personCriticalFactorsQuery,
  updateCriticalFactorSettingsBody,
} from "../../../shared/critical-factors.schemas.ts";
import { personCodeParam } from "../../../shared/persons.schemas.ts";
import type { AppContext } from "../../context.ts";
import { adminOnly, requireUser, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import * as service from "./critical-factors.service.ts";
import { getCriticalSettings, updateCriticalSettings } from "./critical-factors.settings.service.ts";

const tags = ["critical-factors"];

/** Fatores críticos: the rule's settings, a person's badge and panel, and the company-wide page. */
export function criticalFactorsRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/settings/critical-factors",
    {
      // Every user reads the rule (the panels show it); administrators change it.
      onRequest: userOnly,
      schema: {
        tags: ["settings"],
        summary: "Fatores críticos: dias para crítico (N), dias de aviso (M) e tipos que contam",
        response: { 200: criticalFactorSettings, ...errors(401) },
      },
    },
    async () => getCriticalSettings(ctx),
  );
  app.patch(
    "/settings/critical-factors",
    {
      onRequest: adminOnly,
      schema: {
        tags: ["settings"],
        summary: "Altera as regras de fatores críticos (com version; 412 se outra pessoa alterou antes)",
        body: updateCriticalFactorSettingsBody,
        response: { 200: criticalFactorSettings, ...errors(400, 401, 403, 412, 413, 415, 503) },
      },
    },
    async (request) => updateCriticalSettings(ctx, requireUser(request), request.body),
  );
  app.get(
    "/persons/:code/critical-factors",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary:
          "Fatores críticos da pessoa: atendimentos críticos e em atenção, contagem por setor (só das abas que o usuário vê)",
        params: personCodeParam,
        querystring: personCriticalFactorsQuery,
        response: { 200: personCriticalFactors, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) =>
      service.personCriticalFactors(ctx, requireUser(request), request.params.code, request.query.category),
  );
  app.get(
    "/critical-factors",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary:
          "Fatores críticos de todas as pessoas visíveis: contagem por setor e uma página de atendimentos por setor, pessoa e vencimento",
        querystring: companyCriticalFactorsQuery,
        response: { 200: companyCriticalFactors, ...errors(400, 401) },
      },
    },
    async (request) => service.companyCriticalFactors(ctx, requireUser(request), request.query),
  );
}
