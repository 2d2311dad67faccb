import { errors, idParam } from "../../../shared/common.schemas.ts";
import { personCodeParam } from "../../../shared/persons.schemas.ts";
import { personReceivablesQuery, receivableDetails, receivableList } from "../../../shared/receivables.schemas.ts";
import type { AppContext } from "../../context.ts";
import { requireUser, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import { getReceivable, listPersonReceivables } from "./receivables.service.ts";

const tags = ["receivables"];

/** A Receber: the person's receivables (open or settled) and one receivable's details. */
export function receivablesRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/persons/:code/receivables",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary:
          "Títulos a receber da pessoa, abertos (vencimento mais antigo primeiro) ou baixados, com totais, dias de atraso e valor atualizado",
        params: personCodeParam,
        querystring: personReceivablesQuery,
        response: { 200: receivableList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listPersonReceivables(ctx, requireUser(request), request.params.code, request.query),
  );
  app.get(
    "/receivables/:id",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Detalhes do título a receber (e a cobrança de contrato que o gerou, se houver)",
        params: idParam,
        response: { 200: receivableDetails, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getReceivable(ctx, requireUser(request), request.params.id),
  );
}
