import "../shared/zod-locale.ts";
import fs from "node:fs";
import { CliError, usageError } from "./cli/cli-error.ts";
import { ConfigError } from "./config.ts";
import { AppError } from "./errors.ts";

/**
 * `vinculo <comando>`: a small dispatcher. Each command lives in src/server/cli/<comando>.ts
 * and is imported only when called, so `--help` answers at once and `start` alone loads
 * the web server. A command returns its exit status, or `"serving"` to keep the process up.
 */
type Command = { usage: string; summary: string[]; run: (args: string[]) => Promise<number | "serving"> };

const commands: Record<string, Command> = {
  start: {
    usage: "start",
    summary: ["inicia o servidor web e a API (o mesmo que npm start)"],
    run: async (args) => {
      if (args.length > 0) throw usageError(`argumento inesperado: ${args[0]}`);
      const { runServer } = await import("./run-server.ts");
      await runServer();
      return "serving";
    },
  },
  migrate: {
    usage: "migrate",
    summary: ["aplica as migrações pendentes do banco e diz quais rodaram"],
    run: async (args) => (await import("./cli/migrate.ts")).migrateCommand(args),
  },
  user: {
    usage: "user create <usuário> [--admin] [--name NOME] [--email E-MAIL]",
    summary: [
      "cria um usuário (--admin: administrador); nome padrão: o próprio usuário; e-mail padrão: <usuário>@localhost.",
      "A senha vem de VINCULO_USER_PASSWORD; sem ela, é pedida no terminal, sem eco",
      "(ou lida da primeira linha da entrada padrão, quando ela não é um terminal).",
    ],
    run: async (args) => (await import("./cli/user.ts")).userCommand(args),
  },
  token: {
    usage: "token create --user <usuário> [--name NOME]",
    summary: [
      "cria um token de API (Authorization: Bearer) para o usuário e o imprime uma única vez;",
      "só o token vai para a saída padrão: TOKEN=$(vinculo token create --user ana)",
    ],
    run: async (args) => (await import("./cli/token.ts")).tokenCommand(args),
  },
  seed: {
    usage: "seed --demo | seed [--scale <N>] [--tickets <M>]",
    summary: [
      "--demo: carrega a empresa de demonstração num banco vazio (pessoas, perfis, usuários, atendimentos);",
      "--scale N: acrescenta N pessoas geradas; --tickets M: M atendimentos (~3 pareceres cada)",
      "sobre as pessoas existentes — para medir desempenho, em lotes, com barra de progresso",
    ],
    run: async (args) => (await import("./cli/seed.ts")).seedCommand(args),
  },
  import: {
    usage: "import <entidade> <arquivo> [--format csv|ndjson] [--rejected ARQUIVO] [--encoding latin1]",
    summary: [
      "importa do ERP: receivables, commission-entries, contracts, contract-billings ou persons;",
      "JSON lines ou CSV (pela extensão ou --format), idempotente por externalId, com barra de progresso;",
      "linhas recusadas não impedem as outras (--rejected grava todas num CSV); arquivo malformado: saída 1",
    ],
    run: async (args) => (await import("./cli/import.ts")).importCommand(args),
  },
  audit: {
    usage: "audit verify | audit retention",
    summary: [
      "verify: confere as cadeias de hash do registro de auditoria e aponta o primeiro elo quebrado",
      "de cada cadeia (saída 1), ou diz ok e quantos registros; retention: aplica agora a retenção",
      "(remove auditoria e acessos mais antigos que o configurado em Configurações › Retenção)",
    ],
    run: async (args) => (await import("./cli/audit.ts")).auditCommand(args),
  },
  backup: {
    usage: "backup <arquivo> [--force]",
    summary: [
      "cópia consistente do banco SQLite, mesmo com o servidor rodando; não substitui",
      'um arquivo existente sem --force. No PostgreSQL, use pg_dump "$DATABASE_URL" > arquivo',
    ],
    run: async (args) => (await import("./cli/backup.ts")).backupCommand(args),
  },
};

const environment: [string, string][] = [
  ["PORT", "porta HTTP (padrão 3000)"],
  ["HOST", "endereço em que o servidor escuta (padrão 127.0.0.1; 0.0.0.0 para a rede)"],
  ["DATABASE_URL", "postgres://… para usar PostgreSQL; vazia, usa o SQLite em VINCULO_DATA_DIR"],
  ["VINCULO_DATA_DIR", "pasta dos dados: banco SQLite, e-mails .eml (padrão ./data)"],
  ["VINCULO_ADMIN_PASSWORD", "na primeira execução, com o banco vazio, cria o usuário admin com esta senha"],
  ["VINCULO_DEMO", "1 = com o banco vazio, carrega a empresa de demonstração"],
  ["VINCULO_PUBLIC_URL", "endereço público, por exemplo https://crm.empresa.com.br"],
  ["VINCULO_USER_PASSWORD", "senha para `user create` (dispensa a pergunta)"],
];

export function usage(): string {
  const width = 24;
  const lines = ["Uso: vinculo <comando> [opções]", "", "Comandos:"];
  for (const command of Object.values(commands))
    lines.push(`  ${command.usage}`, ...command.summary.map((line) => `      ${line}`));
  lines.push("", "Opções:", `  ${"-h, --help".padEnd(width)}mostra esta ajuda`, "", "Variáveis de ambiente:");
  for (const [name, text] of environment) lines.push(`  ${name.padEnd(width)}${text}`);
  lines.push("", "Saída: 0 sucesso; 1 falha; 2 comando, opção ou dado inválido.");
  return `${lines.join("\n")}\n`;
}

/** Runs one command line and returns the exit status (`undefined` while the server runs). */
export async function runCommand(argv: string[]): Promise<number | undefined> {
  const [name, ...args] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    process.stdout.write(usage());
    return 0;
  }
  if (args.includes("-h") || args.includes("--help")) {
    process.stdout.write(usage());
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  try {
    if (!command) {
      process.stderr.write(`vinculo: comando desconhecido: ${name}\n\n${usage()}`);
      return 2;
    }
    const status = await command.run(args);
    return status === "serving" ? undefined : status;
  } catch (error) {
    const code = report(error);
    if (command && error instanceof CliError && error.showUsage)
      process.stderr.write(`uso: vinculo ${command.usage}\n(vinculo --help mostra todos os comandos)\n`);
    return code;
  }
}

function report(error: unknown): number {
  if (error instanceof CliError) {
    for (const line of error.message.split("\n")) process.stderr.write(`vinculo: ${line}\n`);
    return error.exitCode;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  if (error instanceof AppError) {
    process.stderr.write(`vinculo: ${error.message}\n`);
    return error.code === "validation_failed" ? 2 : 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`vinculo: erro: ${message}\n`);
  return 1;
}

/** Entry point for bin/vinculo.js and `node --import tsx src/server/cli.ts`. */
export async function runCli(argv: string[] = process.argv.slice(2)): Promise<void> {
  const status = await runCommand(argv);
  if (status !== undefined) process.exitCode = status;
}

const entry = process.argv[1];
if (entry && fs.existsSync(entry) && fs.realpathSync(entry) === import.meta.filename) await runCli();
