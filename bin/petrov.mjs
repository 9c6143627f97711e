#!/usr/bin/env node
// Runs the TypeScript sources directly so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`petrov run --help | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
// The CLI never imports the server (layering): `petrov serve` is plugged in here.
const { registerServe } = await import('../src/server/serve-command.ts');
process.exitCode = await main(process.argv.slice(2), undefined, [registerServe]);
