/**
 * Every test file gets its own empty data directory, so no test ever reads or writes the user's
 * real run store (a `PETROV_DB` in the user's shell would otherwise win over it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'petrov-data-'));
process.env.PETROV_DATA_DIR = dataDir;
delete process.env.PETROV_DB;
process.env.XDG_DATA_HOME = join(dataDir, 'xdg');

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
