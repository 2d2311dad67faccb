import { errors } from "../../../shared/common.schemas.ts";
import { retentionSettings, updateRetentionBody } from "../../../shared/retention.schemas.ts";
import type { AppContext } from "../../context.ts";
import { adminOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import { getRetentionSettings, updateRetentionSettings } from "./retention.service.ts";

const tags = ["settings"];

/** Configurações › Retenção: how long the audit log and the access log are kept (administrators). */
export function auditRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/settings/retention",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Retenção: meses de guarda do registro de auditoria e do registro de acessos",
        response: { 200: retentionSettings, ...errors(401, 403) },
      },
    },
    async () => getRetentionSettings(ctx),
  );
  app.patch(
    "/settings/retention",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Altera a retenção (com version); o registro de acessos guarda no mínimo 6 meses",
        body: updateRetentionBody,
        response: { 200: retentionSettings, ...errors(400, 401, 403, 412, 413, 415, 503) },
      },
    },
    async (request) => updateRetentionSettings(ctx, request.body),
  );
}
