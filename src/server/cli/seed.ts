import { parseArgs } from "node:util";
import { seedDemo } from "../seed/demo.ts";
import { seedScale } from "../seed/scale.ts";
import { cliArgs, info, invalidInput, usageError, withContext } from "./common.ts";
import { progressBar } from "./progress.ts";

/** `vinculo seed --demo` loads the demo company; `vinculo seed --scale N` adds N generated persons. */
export async function seedCommand(args: string[]): Promise<number> {
  const { values, positionals } = cliArgs(() =>
    parseArgs({ args, allowPositionals: true, options: { demo: { type: "boolean" }, scale: { type: "string" } } }),
  );
  if (positionals.length > 0) throw usageError(`argumento inesperado: ${positionals[0]}`);
  if (Boolean(values.demo) === (values.scale !== undefined)) throw usageError("use --demo ou --scale N (um dos dois).");
  if (values.demo) {
    const result = await withContext((ctx) => seedDemo(ctx));
    if (!result.persons) {
      info("O banco já tem pessoas: a empresa de demonstração só é carregada num banco vazio.");
      return 1;
    }
    info(`Empresa de demonstração: ${result.persons} pessoas; usuários ${result.users.join(", ")} (senhas no README).`);
    return 0;
  }
  const n = Number(values.scale);
  if (!Number.isInteger(n) || n < 1 || n > 50_000_000) {
    throw invalidInput(
      `--scale: informe um número inteiro de pessoas entre 1 e 50000000 (recebido "${values.scale}").`,
    );
  }
  const started = Date.now();
  const { first, last } = await withContext((ctx) => seedScale(ctx.handle, n, progressBar("pessoas")));
  const seconds = (Date.now() - started) / 1000;
  info(
    `${n} pessoas (códigos ${first} a ${last}) em ${seconds.toFixed(1)} s (${Math.round(n / seconds)} por segundo).`,
  );
  return 0;
}
