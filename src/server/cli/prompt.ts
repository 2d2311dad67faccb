import readline from "node:readline";
import { Writable } from "node:stream";
import { CliError } from "./common.ts";

/**
 * Reads a password. At a terminal it is typed without echo (asked twice when
 * `confirm`); from a pipe or file the first line of stdin is the password, so
 * `printf '%s\n' "$SENHA" | vinculo user create ana` works in scripts.
 */
export async function readPassword(options: { confirm: boolean }): Promise<string> {
  if (!process.stdin.isTTY) {
    const line = await readFirstLine();
    if (line === undefined) throw new CliError("nenhuma senha recebida na entrada padrão.", 2);
    return line;
  }
  const first = await askHidden("Senha: ");
  if (options.confirm && (await askHidden("Repita a senha: ")) !== first)
    throw new CliError("as senhas digitadas não conferem.", 2);
  return first;
}

function readFirstLine(): Promise<string | undefined> {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  return new Promise((resolve) => {
    let line: string | undefined;
    rl.once("line", (text) => {
      line = text;
      rl.close();
    });
    rl.once("close", () => resolve(line));
  });
}

/** readline writes the prompt, then everything it would echo goes to a muted stream. */
function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve, reject) => {
    let answered = false;
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      resolve(answer);
    });
    muted = true;
    rl.on("SIGINT", () => rl.close());
    rl.once("close", () => {
      process.stderr.write("\n");
      if (!answered) reject(new CliError("cancelado.", 130));
    });
  });
}
