import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from './chromium.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/** The web app served by a test server, open in one Chromium page. */
export interface AppPage {
  readonly server: TestServer;
  readonly page: Page;
  /** Closes Chromium, then the server (its runs cancelled, its temp files removed). */
  readonly close: () => Promise<void>;
}

/**
 * A test server (with `options`, as startTestServer takes them) and a Chromium page whose actions
 * wait up to `timeoutMs` (default 30 s): what each browser test file's beforeAll opens.
 */
export async function openAppPage(
  options: Parameters<typeof startTestServer>[0] = {},
  timeoutMs = 30_000,
): Promise<AppPage> {
  const server = await startTestServer(options);
  try {
    const chromium = await launchChromium();
    const page = await chromium.context.newPage();
    page.setDefaultTimeout(timeoutMs);
    return {
      server,
      page,
      close: async () => {
        await chromium.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** The workbench as a fresh load shows it, once its scenario validates (choices made earlier do not carry over). */
export async function openWorkbench(app: AppPage, poll: { timeout: number }): Promise<void> {
  await app.page.goto(`${app.server.url}/#/`);
  await app.page.reload();
  await expect
    .poll(() => app.page.getByTestId('validation-status').textContent(), poll)
    .toMatch(/^Valid/);
}
