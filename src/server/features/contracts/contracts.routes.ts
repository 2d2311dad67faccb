import { errors, idParam, listOf } from "../../../shared/common.schemas.ts";
import {
  contract,
  contractBillingDetails,
  contractBillingList,
  contractBillingsQuery,
  personContractsQuery,
} from "../../../shared/contracts.schemas.ts";
import { personCodeParam } from "../../../shared/persons.schemas.ts";
import type { AppContext } from "../../context.ts";
import { requireUser, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import { getBilling, listPersonBillings, listPersonContracts } from "./contracts.service.ts";

const tags = ["contracts"];

/** Contratos: the person's billings (filtered by kind and status), contracts, and a billing's details. */
export function contractsRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/persons/:code/contract-billings",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary:
          "Cobranças de contratos da pessoa; kind e status aceitam listas separadas por vírgula (vazio = todos), competência mais recente primeiro",
        params: personCodeParam,
        querystring: contractBillingsQuery,
        response: { 200: contractBillingList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listPersonBillings(ctx, requireUser(request), request.params.code, request.query),
  );
  app.get(
    "/persons/:code/contracts",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Contratos da pessoa, do início mais recente ao mais antigo",
        params: personCodeParam,
        querystring: personContractsQuery,
        response: { 200: listOf(contract), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listPersonContracts(ctx, requireUser(request), request.params.code, request.query),
  );
  app.get(
    "/contract-billings/:id",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Detalhes da cobrança, do seu contrato e do título a receber gerado",
        params: idParam,
        response: { 200: contractBillingDetails, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getBilling(ctx, requireUser(request), request.params.id),
  );
}
