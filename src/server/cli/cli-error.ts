/**
 * A failure the CLI explains in plain words. Exit status: 2 when the command line or
 * its data are wrong (the caller can fix the call), 1 for anything else.
 * Kept apart from the commands so `vinculo --help` loads nothing heavy.
 */
export class CliError extends Error {
  readonly exitCode: number;
  /** Follow the message with the command's usage line (wrong or missing argument). */
  readonly showUsage: boolean;

  constructor(message: string, exitCode = 1, options: { showUsage?: boolean } = {}) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
    this.showUsage = options.showUsage ?? false;
  }
}

export const usageError = (message: string) => new CliError(message, 2, { showUsage: true });
export const invalidInput = (message: string) => new CliError(message, 2);
