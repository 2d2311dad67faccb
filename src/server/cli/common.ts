import type { z } from "zod";
import { loadConfig } from "../config.ts";
import { type AppContext, closeContext, createContext } from "../context.ts";
import { createDb } from "../db/create-db.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { runAs } from "../features/audit/actor.ts";
import { usageError } from "./cli-error.ts";

export { CliError, invalidInput, usageError } from "./cli-error.ts";

/** Results go to stdout (so they can be piped); explanations and prompts go to stderr. */
export const out = (text: string) => process.stdout.write(`${text}\n`);
export const info = (text: string) => process.stderr.write(`${text}\n`);

/**
 * Runs node:util parseArgs and turns its English errors into ours. Call as
 * `cliArgs(() => parseArgs({...}))` so the option types stay inferred.
 */
export function cliArgs<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const option = /'([^' ]+)/.exec(message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw usageError(`opção desconhecida: ${option}`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw usageError(
        message.includes("argument missing")
          ? `a opção ${option} precisa de um valor`
          : `a opção ${option} não aceita valor`,
      );
    }
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw usageError(`argumento inesperado: ${option}`);
    throw error;
  }
}

/** One line per problem, naming the field as the user typed it on the command line. */
export function zodProblems(error: z.ZodError, labels: Record<string, string>): string {
  return error.issues
    .map((issue) => {
      const key = String(issue.path[0] ?? "");
      return `${labels[key] ?? key}: ${issue.message}`;
    })
    .join("\n");
}

/**
 * Opens the configured database as a service context, brings its schema up to
 * date (so `user create` works before the first `start`), runs `fn`, and closes.
 */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  // What the CLI changes (it only creates users and tokens) needs no cache invalidation.
  const ctx = await createContext(handle, config, { inProcessBus: true });
  try {
    const ran = await migrateToLatest(handle);
    if (ran.length > 0) info(`Migrações aplicadas: ${ran.join(", ")}`);
    // What a command changes is journaled as the command line's ("cli"; an import as its run).
    return await runAs({ kind: "cli" }, () => fn(ctx));
  } finally {
    await closeContext(ctx);
  }
}
