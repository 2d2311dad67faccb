import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import SQLite from "better-sqlite3";
import { loadConfig } from "../config.ts";
import { openSqlite } from "../db/create-db.ts";
import { CliError, cliArgs, info, out, usageError } from "./common.ts";

/** The file createDb opens inside VINCULO_DATA_DIR (create-db.ts keeps the same name). */
const SQLITE_FILE = "vinculo.sqlite";
/** Files SQLite keeps beside a database; a stale one next to the target would be replayed into the copy. */
const SIDE_FILES = ["-wal", "-shm", "-journal"];

export async function backupCommand(args: string[]): Promise<number> {
  const { values, positionals } = cliArgs(() =>
    parseArgs({ args, allowPositionals: true, options: { force: { type: "boolean", default: false } } }),
  );
  if (positionals.length !== 1) throw usageError("informe o arquivo de destino do backup.");
  const target = path.resolve(positionals[0] ?? "");

  const config = loadConfig();
  if (config.databaseUrl) {
    info(
      "O banco configurado é PostgreSQL (DATABASE_URL): o backup é feito pelas ferramentas do PostgreSQL.\n" +
        `  pg_dump "$DATABASE_URL" > ${shellQuote(positionals[0] ?? "")}\n` +
        'Para restaurar: psql "$DATABASE_URL" < arquivo. Nada foi alterado.',
    );
    return 1;
  }

  const source = path.join(config.dataDir, SQLITE_FILE);
  if (!fs.existsSync(source)) throw new CliError(`não há banco SQLite em ${source} (confira VINCULO_DATA_DIR).`, 1);
  if (target === source || SIDE_FILES.some((s) => target === source + s))
    throw new CliError("o destino não pode ser o próprio banco.", 2);
  if (!fs.existsSync(path.dirname(target))) throw new CliError(`a pasta ${path.dirname(target)} não existe.`, 1);
  const exists = fs.existsSync(target);
  if (exists && fs.statSync(target).isDirectory())
    throw new CliError(`${target} é uma pasta; informe o nome do arquivo de backup.`, 2);
  if (exists && !values.force) throw new CliError(`o arquivo ${target} já existe (use --force para substituí-lo).`, 1);

  const started = performance.now();
  // Written beside the target and renamed at the end: an interrupted backup never leaves a half file
  // under the final name, and --force replaces the old backup in one step.
  const temp = `${target}.tmp-${process.pid}`;
  const db = openSqlite(source);
  try {
    // SQLite's online backup API. The first step only starts it; then all remaining pages go in one
    // step, inside one read transaction: under WAL the server keeps writing meanwhile, and the copy
    // is the database as of that instant. (Small steps would restart whenever another connection
    // writes between them, and might never finish on a busy server.)
    const { totalPages } = await db.backup(temp, { progress: () => 0x7fffffff });
    finishCopy(temp);
    if (exists) for (const side of SIDE_FILES) fs.rmSync(target + side, { force: true });
    fs.renameSync(temp, target);
    const size = fs.statSync(target).size;
    const seconds = (performance.now() - started) / 1000;
    out(
      `Backup salvo em ${target} (${formatBytes(size)}, ${totalPages} páginas, ${seconds.toLocaleString("pt-BR", { maximumFractionDigits: 1 })} s).`,
    );
    return 0;
  } catch (error) {
    for (const file of [temp, ...SIDE_FILES.map((s) => temp + s)]) fs.rmSync(file, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

/** Makes the copy one self-contained file (no -wal beside it) and checks it before it takes the final name. */
function finishCopy(file: string): void {
  const copy = new SQLite(file, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new CliError(`a cópia não passou na verificação do SQLite: ${String(check)}`, 1);
  } finally {
    copy.close();
  }
}

function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString("pt-BR", { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

const shellQuote = (s: string) => (/^[\w./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`);
