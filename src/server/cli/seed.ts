import { parseArgs } from "node:util";
import { seedDemo } from "../seed/demo.ts";
import { seedScale } from "../seed/scale.ts";
import { seedScaleTickets } from "../seed/scale-tickets.ts";
import { cliArgs, info, invalidInput, usageError, withContext } from "./common.ts";
import { progressBar } from "./progress.ts";
import { hasPersons } from "./seed.repository.ts";

const MAX = 50_000_000;

function count(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX) {
    throw invalidInput(`${option}: informe um número inteiro entre 1 e ${MAX} (recebido "${value}").`);
  }
  return n;
}

/**
 * `vinculo seed --demo` loads the demo company; `vinculo seed --scale N` adds N
 * generated persons and `--tickets M` M generated tickets (~3 notes each) over
 * the persons there are — together or apart.
 */
export async function seedCommand(args: string[]): Promise<number> {
  const { values, positionals } = cliArgs(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: { demo: { type: "boolean" }, scale: { type: "string" }, tickets: { type: "string" } },
    }),
  );
  if (positionals.length > 0) throw usageError(`argumento inesperado: ${positionals[0]}`);
  const persons = count("--scale", values.scale);
  const tickets = count("--tickets", values.tickets);
  if (Boolean(values.demo) === (persons !== undefined || tickets !== undefined)) {
    throw usageError("use --demo, ou --scale N e/ou --tickets M.");
  }
  if (values.demo) {
    const result = await withContext((ctx) => seedDemo(ctx));
    if (!result.persons) {
      info("O banco já tem pessoas: a empresa de demonstração só é carregada num banco vazio.");
      return 1;
    }
    info(`Empresa de demonstração: ${result.persons} pessoas; usuários ${result.users.join(", ")} (senhas no README).`);
    return 0;
  }
  await withContext(async (ctx) => {
    if (persons) {
      const started = Date.now();
      const { first, last } = await seedScale(ctx.handle, persons, progressBar("pessoas"));
      const seconds = (Date.now() - started) / 1000;
      info(
        `${persons} pessoas (códigos ${first} a ${last}) em ${seconds.toFixed(1)} s (${Math.round(persons / seconds)}/s).`,
      );
    }
    if (tickets) {
      if (!(await hasPersons(ctx.db))) throw invalidInput("--tickets: não há pessoas; use também --scale N.");
      const started = Date.now();
      const { first, last } = await seedScaleTickets(ctx.handle, tickets, progressBar("atendimentos"));
      const seconds = (Date.now() - started) / 1000;
      info(
        `${tickets} atendimentos (${first} a ${last}) em ${seconds.toFixed(1)} s (${Math.round(tickets / seconds)}/s).`,
      );
    }
  });
  return 0;
}
