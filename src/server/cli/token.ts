import { parseArgs } from "node:util";
import { createApiTokenBody } from "../../shared/auth.schemas.ts";
import { username as usernameSchema } from "../../shared/users.schemas.ts";
import { createToken } from "../features/tokens/tokens.service.ts";
import { userByUsername } from "../features/users/users.service.ts";
import { cliArgs, info, invalidInput, out, usageError, withContext, zodProblems } from "./common.ts";

export async function tokenCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "create") return createTokenCommand(rest);
  throw usageError(sub ? `subcomando desconhecido: token ${sub}` : "falta o subcomando (create).");
}

async function createTokenCommand(args: string[]): Promise<number> {
  const { values, positionals } = cliArgs(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: { user: { type: "string" }, name: { type: "string", default: "linha de comando" } },
    }),
  );
  if (positionals.length > 0) throw usageError(`argumento inesperado: ${positionals[0]}`);
  if (values.user === undefined) throw usageError("informe o usuário dono do token com --user.");
  const username = usernameSchema.safeParse(values.user);
  if (!username.success) throw invalidInput(zodProblems(username.error, { "": `usuário (--user) "${values.user}"` }));
  const name = createApiTokenBody.shape.name.safeParse(values.name);
  if (!name.success) throw invalidInput(zodProblems(name.error, { "": "nome (--name)" }));

  const created = await withContext(async (ctx) => {
    const user = await userByUsername(ctx, username.data);
    if (!user) throw invalidInput(`usuário (--user): "${username.data}" não encontrado.`);
    if (!user.isActive) throw invalidInput(`usuário (--user): "${username.data}" está inativo.`);
    return createToken(ctx, { userId: user.id, name: name.data, createdBy: null });
  });
  // Only the token on stdout, so `TOKEN=$(vinculo token create --user ana)` captures just it.
  out(created.token);
  info(
    `Token "${created.name}" criado para ${created.username} (prefixo ${created.prefix}). ` +
      "Guarde-o agora: ele não será mostrado de novo. Use no cabeçalho Authorization: Bearer <token>.",
  );
  return 0;
}
