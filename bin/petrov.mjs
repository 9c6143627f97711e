#!/usr/bin/env node
// Runs the TypeScript sources directly so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
// The CLI never imports the server (layering): `petrov serve` is plugged in here.
const { registerServe } = await import('../src/server/serve-command.ts');
process.exitCode = await main(process.argv.slice(2), undefined, [registerServe]);
