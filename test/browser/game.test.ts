import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppPage, type AppPage } from './helpers/app-page.ts';
import { chromiumInstalled } from './helpers/chromium.ts';
import type { TestServer } from './helpers/test-server.ts';

/** The server plays the game in a few seconds; vitest's poll gives up after 1 s by default. */
const POLL = { timeout: 30_000 };

/** The delegation game page in real Chromium against the real API (app.test.ts skips alike). */
describe.runIf(chromiumInstalled())('delegation game page in Chromium', () => {
  let app: AppPage;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    app = await openAppPage({}, 30_000);
    ({ server, page } = app);
  });

  afterAll(() => app?.close());

  it('draws the payoff matrix with the equilibria marked, and plays again with new costs', async () => {
    await page.goto(`${server.url}/#/game`);
    await expect
      .poll(() => page.getByTestId('game-scenario').locator('option').count(), POLL)
      .toBeGreaterThan(1);
    await page.getByTestId('game-scenario').selectOption('analytic-game');
    await page.getByTestId('game-play').click();
    const matrix = page.getByTestId('game-matrix');
    await expect.poll(() => matrix.getAttribute('data-ready'), POLL).toBe('true');
    // Four profiles, each labelled with both payoffs; the two pure equilibria framed.
    await expect.poll(() => matrix.locator('svg').textContent(), POLL).toContain('P(eq.) 100%');
    await expect
      .poll(() => matrix.locator('g[stroke="black"] rect, rect[stroke="black"]').count(), POLL)
      .toBe(2);
    const items = page.getByTestId('game-equilibria').locator('li');
    expect(await items.count()).toBe(3);
    expect(await items.nth(2).textContent()).toMatch(/^mixed: a cautious \+ ready/);
    // Raise A's cost of an accident tenfold: being cautious now dominates, one equilibrium left.
    await page.getByTestId('weight-a-accidentalUse').fill('15');
    await page.getByTestId('game-play').click();
    await expect.poll(() => items.count(), POLL).toBe(1);
    expect(await items.nth(0).textContent()).toMatch(/^pure: a cautious, b cautious/);
  }, 90_000);

  it('plays the Korean game over parameter sets of its uncertainty block', async () => {
    await page.getByTestId('game-scenario').selectOption('korean-peninsula-2026');
    await page.locator('#game-runs').fill('20');
    await page.getByTestId('game-parameter-sets').fill('2');
    await page.getByTestId('game-play').click();
    const line = page.getByTestId('game-parameters');
    await expect
      .poll(() => line.textContent(), POLL)
      .toMatch(/^Parameter uncertainty: 2 parameter sets of \d+ uncertain parameters, 100 trials/);
    await expect
      .poll(() => page.getByTestId('game-matrix').locator('svg').textContent(), POLL)
      .toMatch(/params \d+% ± \d+/);
  }, 90_000);
});
