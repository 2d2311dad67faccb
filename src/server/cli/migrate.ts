import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { createDb } from "../db/create-db.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { cliArgs, out, usageError } from "./common.ts";

export async function migrateCommand(args: string[]): Promise<number> {
  const { positionals } = cliArgs(() => parseArgs({ args, allowPositionals: true, options: {} }));
  if (positionals.length > 0) throw usageError(`argumento inesperado: ${positionals[0]}`);
  const config = loadConfig();
  const handle = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    const ran = await migrateToLatest(handle);
    if (ran.length === 0) out("Nenhuma migração pendente.");
    for (const name of ran) out(`Migração aplicada: ${name}`);
  } finally {
    await handle.close();
  }
  return 0;
}
