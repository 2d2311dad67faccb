import { errors, idParam } from "../../../shared/common.schemas.ts";
import {
  closingList,
  closingsQuery,
  commissionEntryDetails,
  currentAccountList,
  currentAccountQuery,
} from "../../../shared/current-account.schemas.ts";
import { personCodeParam } from "../../../shared/persons.schemas.ts";
import type { AppContext } from "../../context.ts";
import { requireUser, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import { getEntry, listClosings, listCurrentAccount } from "./current-account.service.ts";

const tags = ["current-account"];
const disabledNote =
  " 403 current_account_disabled quando o usuário não está vinculado a um funcionário ou representante.";

/** Conta corrente: commission and pass-through entries, their closings, and an entry's details. */
export function currentAccountRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/persons/:code/current-account",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Conta corrente: lançamentos (view=entry) ou itens (view=item) por status ou fechamento",
        description:
          "Se a pessoa focada é vendedor (funcionário ou representante), mostra a conta dela; senão, os lançamentos do vendedor logado que vêm da pessoa focada." +
          disabledNote,
        params: personCodeParam,
        querystring: currentAccountQuery,
        response: { 200: currentAccountList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listCurrentAccount(ctx, requireUser(request), request.params.code, request.query),
  );
  app.get(
    "/persons/:code/current-account/closings",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Fechamentos da conta corrente mostrada (o seletor de fechamento), do mais recente ao mais antigo",
        description: disabledNote.trim(),
        params: personCodeParam,
        querystring: closingsQuery,
        response: { 200: closingList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listClosings(ctx, requireUser(request), request.params.code, request.query),
  );
  app.get(
    "/current-account/entries/:id",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Detalhes do lançamento de conta corrente, com itens e fechamento",
        description: disabledNote.trim(),
        params: idParam,
        response: { 200: commissionEntryDetails, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getEntry(ctx, requireUser(request), request.params.id),
  );
}
