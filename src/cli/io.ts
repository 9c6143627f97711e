/** Where a command writes; injected so tests drive the CLI in memory. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when stderr is a terminal: only then do progress bars draw. */
  readonly errIsTty: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTty: process.stderr.isTTY === true,
};

/**
 * Exit codes: 0 ok, 1 runtime error, 2 invalid input or a run store that cannot be used (its file
 * named on stderr), 130 stopped by Ctrl-C (partial result).
 */
export const Exit = { ok: 0, runtime: 1, input: 2, interrupted: 130 } as const;
