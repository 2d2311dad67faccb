import { parseArgs } from "node:util";
import { z } from "zod";
import { createUserBody } from "../../shared/users.schemas.ts";
import { AppError } from "../errors.ts";
import { createUser } from "../features/users/users.service.ts";
import { CliError, cliArgs, info, invalidInput, out, usageError, withContext, zodProblems } from "./common.ts";
import { readPassword } from "./prompt.ts";

const labels = {
  username: "usuário",
  name: "nome (--name)",
  email: "e-mail (--email)",
  password: "senha",
  isAdmin: "--admin",
};

export async function userCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "create") return createUserCommand(rest);
  throw usageError(sub ? `subcomando desconhecido: user ${sub}` : "falta o subcomando (create).");
}

async function createUserCommand(args: string[]): Promise<number> {
  const { values, positionals } = cliArgs(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        admin: { type: "boolean", default: false },
        name: { type: "string" },
        email: { type: "string" },
      },
    }),
  );
  if (positionals.length !== 1) throw usageError("informe um (e só um) nome de usuário.");
  const raw = positionals[0] ?? "";

  const username = createUserBody.shape.username.safeParse(raw);
  if (!username.success) throw invalidInput(zodProblems(username.error, { "": `usuário "${raw}"` }));
  // The default e-mail `<usuário>@localhost` (as for the first admin) has no TLD, which
  // the API's e-mail rule refuses; so the rule applies only to an e-mail given with --email.
  const schema = createUserBody.extend({
    email: values.email === undefined ? z.string() : createUserBody.shape.email,
  });
  const input = {
    username: username.data,
    name: values.name ?? username.data,
    email: values.email ?? `${username.data}@localhost`,
    isAdmin: values.admin,
  };
  // Check everything but the password first: nobody should type a password for a refused name.
  const details = schema.omit({ password: true }).safeParse(input);
  if (!details.success) throw invalidInput(zodProblems(details.error, labels));

  const fromEnv = process.env.VINCULO_USER_PASSWORD;
  const password = fromEnv ? fromEnv : await readPassword({ confirm: true });
  const body = schema.safeParse({ ...input, password });
  if (!body.success) throw invalidInput(zodProblems(body.error, labels));

  const user = await withContext((ctx) => createUser(ctx, body.data)).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "conflict")
      throw new CliError(`o usuário "${username.data}" já existe.`, 1);
    throw error;
  });
  out(
    `Usuário "${user.username}" criado (id ${user.id}, ${user.isAdmin ? "administrador" : "usuário comum"}, ${user.email}).`,
  );
  if (!fromEnv && process.stdin.isTTY) info("Ele já pode entrar pela tela de login.");
  return 0;
}
