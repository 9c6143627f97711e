import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); playwright never downloads a browser here. */
export const CHROMIUM = process.env.PETROV_CHROMIUM ?? '/usr/bin/chromium';

/** The flags that keep Chromium headless, quiet and offline in a container (toolchain notes). */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
    args: FLAGS,
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
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}
