import { parseArgs } from "node:util";
import { describeBreak, verifyAuditLog } from "../features/audit/audit-verify.service.ts";
import { runRetention } from "../features/audit/retention.service.ts";
import { cliArgs, info, out, usageError, withContext } from "./common.ts";

/** `vinculo audit verify` and `vinculo audit retention`. */
export async function auditCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { positionals } = cliArgs(() => parseArgs({ args: rest, allowPositionals: true, options: {} }));
  if (positionals.length > 0) throw usageError(`argumento inesperado: ${positionals[0]}`);
  if (sub === "verify") return verify();
  if (sub === "retention") return retention();
  throw usageError(sub ? `subcomando desconhecido: audit ${sub}` : "falta o subcomando (verify ou retention).");
}

/** Walks every chain; one line per broken chain on stdout and exit 1, or "ok, N registros". */
async function verify(): Promise<number> {
  const result = await withContext((ctx) => verifyAuditLog(ctx.db));
  if (result.breaks.length === 0) {
    out(`ok, ${result.rows} registros em ${result.chains} cadeias`);
    return 0;
  }
  for (const b of result.breaks) out(describeBreak(b));
  info(`${result.breaks.length} de ${result.chains} cadeias quebradas (${result.rows} registros conferidos).`);
  return 1;
}

/** The daily retention, now (even if a server ran it today). */
async function retention(): Promise<number> {
  const result = await withContext((ctx) => runRetention(ctx, { force: true }));
  out(
    `Retenção aplicada: ${result.auditRemoved} registros de auditoria e ${result.accessRemoved} de acesso removidos.`,
  );
  return 0;
}
