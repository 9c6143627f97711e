/** Drives the CLI in memory, as a user would from a shell. */
import { main } from '../../src/cli/main.ts';
import { registerServe } from '../../src/server/index.ts';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function cli(...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    {
      out: (text) => {
        out += text;
      },
      err: (text) => {
        err += text;
      },
      errIsTty: false,
    },
    [registerServe],
  );
  return { code, out, err };
}
