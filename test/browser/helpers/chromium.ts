import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../src/report/index.ts';

/** Debian's Chromium; playwright never downloads a browser here. */
export const CHROMIUM = CHROMIUM_PATH;

export const chromiumInstalled = () => existsSync(CHROMIUM);

/** Whether a missing Chromium must fail the run (CI) rather than skip the browser tests. */
export const browserRequired = () =>
  Boolean(process.env.CI) || Boolean(process.env.PETROV_REQUIRE_BROWSER);

export interface LaunchedBrowser {
  readonly context: BrowserContext;
  readonly close: () => Promise<void>;
}

/**
 * Launches Chromium on a fresh profile directory (removed again on close); playwright takes the
 * profile as a persistent context's directory, not as a `--user-data-dir` flag.
 */
export async function launchChromium(
  viewport = { width: 1280, height: 900 },
): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'petrov-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport,
    reducedMotion: 'reduce',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One Chromium for several people at once: each `newContext()` of the browser is a separate
 * profile in memory (its own storage and cookies), as separate machines would be.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_FLAGS] });
}
