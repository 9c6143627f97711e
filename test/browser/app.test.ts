import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, browserRequired, chromiumInstalled } from './helpers/chromium.ts';
import { openAppPage, openWorkbench, type AppPage } from './helpers/app-page.ts';
import type { TestServer } from './helpers/test-server.ts';

/** vitest's `expect.poll` gives up after 1 s by default; the server validates and runs in more. */
const POLL = { timeout: 20_000 };
const available = chromiumInstalled();
const missing = `Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\``;

if (!available && browserRequired()) {
  describe('browser tests', () => {
    it('need Chromium (CI or PETROV_REQUIRE_BROWSER is set)', () => {
      throw new Error(missing);
    });
  });
} else if (!available) {
  console.warn(
    `${missing}; skipping the browser tests (set PETROV_REQUIRE_BROWSER to fail instead).`,
  );
}

/** The web app in real Chromium against the real API on a temp database. Runs stay small. */
describe.runIf(available)('web app in Chromium', () => {
  let app: AppPage;
  let server: TestServer;
  let page: Page;
  /** The run the baseline test started, reused by the tests that need a finished run. */
  let runUrl = '';

  beforeAll(async () => {
    app = await openAppPage({}, 30_000);
    ({ server, page } = app);
  });

  afterAll(() => app?.close());

  it('loads the app with the bundled scenarios and a valid baseline in the editor', async () => {
    await openWorkbench(app, POLL);
    const options = await page.getByTestId('scenario-select').locator('option').allTextContents();
    expect(options).toContain('Korean peninsula 2026 (stylized)');
    await expect
      .poll(() => page.getByTestId('editor').textContent(), POLL)
      .toContain('name: Korean peninsula 2026 (stylized)');
  });

  it('runs the baseline to completion and shows P(nuclear use) with its interval', async () => {
    await openWorkbench(app, POLL);
    await page.getByTestId('kind-run').check();
    await page.getByTestId('runs-input').fill('2000');
    await page.getByTestId('start').click();
    await page.waitForURL(/#\/runs\/[^/]+$/);
    await page.getByTestId('run-results').waitFor();
    runUrl = page.url();
    expect(await page.getByTestId('run-status').textContent()).toBe('done');
    const p = await page.getByTestId('headline-p').textContent();
    const interval = await page.getByTestId('headline-interval').textContent();
    expect(p).toMatch(/^\d+(\.\d+)?%$/);
    expect(interval).toMatch(/^95% CI \d+(\.\d+)?%–\d+(\.\d+)?%$/);
    // The page shows what the API stored for the run.
    const id = decodeURIComponent(runUrl.split('/').pop() ?? '');
    const stored = (await (await fetch(`${server.url}/api/runs/${id}`)).json()) as {
      result: { outcomes: { nuclearUse: { p: number } } };
    };
    expect(p).toBe(`${(100 * stored.result.outcomes.nuclearUse.p).toFixed(2)}%`);
    await expect.poll(() => page.getByTestId('cause-chart').locator('svg').count(), POLL).toBe(1);
    await expect.poll(() => page.getByTestId('rung-chart').locator('svg').count(), POLL).toBe(1);
    expect(await page.getByTestId('counts-table').locator('tbody tr').count()).toBeGreaterThan(5);
  });

  it('reopens a past run from the list and by its URL', async () => {
    await page.goto(`${server.url}/#/runs`);
    await page.getByTestId('runs-row').first().locator('a').click();
    await page.getByTestId('run-results').waitFor();
    expect(page.url()).toBe(runUrl);
    const fresh = await page.context().newPage();
    await fresh.goto(runUrl);
    await fresh.getByTestId('headline-interval').waitFor();
    // The server kept the run's progress: reopened, it shows how the estimate converged.
    await fresh.getByTestId('convergence-chart').locator('svg').first().waitFor();
    await fresh.close();
  });

  it('opens an example trial as a timeline of both actors', async () => {
    await page.goto(runUrl);
    await page.getByTestId('trace-link').first().click();
    await page.waitForURL(/\/trace\/\d+$/);
    await page.getByTestId('trace-timeline').locator('svg').first().waitFor();
    // Both sides' paths up the ladder, one line each, reaching nuclear use.
    await page.getByTestId('rung-path').locator('svg').first().waitFor();
    const legend = await page.getByTestId('rung-path').textContent();
    expect(legend).toContain('north');
    expect(legend).toContain('south');
    const summary = await page.getByTestId('trace-summary').textContent();
    expect(summary).toContain('Nuclear use');
    const events = await page.getByTestId('trace-event').allTextContents();
    expect(events.some((e) => e.includes('NUCLEAR USE'))).toBe(true);
    expect(events.some((e) => e.includes('north'))).toBe(true);
    expect(events.some((e) => e.includes('south'))).toBe(true);
  });

  it('shows live progress and convergence while a run goes, and cancels it', async () => {
    await openWorkbench(app, POLL);
    await page.getByTestId('kind-run').check();
    // A fixed count, enough trials to still be going when cancelled (~18k trials/s).
    await page.getByTestId('target-check').uncheck();
    await page.getByTestId('runs-input').fill('400000');
    await page.getByTestId('start').click();
    await page.getByTestId('progress-bar').waitFor();
    // Two progress events make a curve: the estimate and its interval after each chunk.
    await page.getByTestId('convergence-chart').locator('svg').first().waitFor();
    expect(await page.getByTestId('progress-text').textContent()).toMatch(
      /of 400,000 trials .* P\(nuclear use\) .*\(95% CI .*–.*%\)/,
    );
    await page.getByTestId('cancel').click();
    await expect.poll(() => page.getByTestId('run-status').textContent(), POLL).toBe('cancelled');
  });

  it('stops a run at a target relative error, and says so', async () => {
    await openWorkbench(app, POLL);
    await page.getByTestId('kind-run').check();
    await page.getByTestId('target-check').check();
    await page.getByTestId('target-input').fill('20');
    await page.getByTestId('runs-input').fill('200000');
    await page.getByTestId('start').click();
    await page.waitForURL(/#\/runs\/[^/]+$/);
    await page.getByTestId('run-results').waitFor();
    expect(await page.getByTestId('run-stop-rule').textContent()).toBe(
      'relative error ≤ 20.0%, at most 200,000 trials',
    );
    const id = decodeURIComponent(page.url().split('/').pop() ?? '');
    const stored = (await (await fetch(`${server.url}/api/runs/${id}`)).json()) as {
      result: { stoppedBy: string; runs: number; outcomes: { nuclearUse: { relErr: number } } };
    };
    expect(stored.result.stoppedBy).toBe('target');
    expect(stored.result.runs).toBeLessThan(200_000);
    expect(stored.result.outcomes.nuclearUse.relErr).toBeLessThanOrEqual(0.2);
  });

  it('applies a safeguard to one side only', async () => {
    await openWorkbench(app, POLL);
    await page.getByTestId('kind-run').check();
    await page.getByTestId('runs-input').fill('2000');
    const chooser = page.getByTestId('safeguard-chooser');
    await chooser.locator('input[value="human-in-the-loop"]').check();
    await page.getByTestId('scope-human-in-the-loop').selectOption('south');
    await page.getByTestId('start').click();
    await page.waitForURL(/#\/runs\/[^/]+$/);
    await page.getByTestId('run-results').waitFor();
    const id = decodeURIComponent(page.url().split('/').pop() ?? '');
    const stored = (await (await fetch(`${server.url}/api/runs/${id}`)).json()) as {
      options: { safeguards: string[] };
    };
    expect(stored.options.safeguards).toEqual(['human-in-the-loop:south']);
    expect(await page.getByTestId('run-meta').textContent()).toContain('human-in-the-loop:south');
  });

  it('deletes a finished run after asking, and goes back to the list', async () => {
    await page.goto(runUrl);
    await page.getByTestId('run-results').waitFor();
    const id = decodeURIComponent(runUrl.split('/').pop() ?? '');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('delete-run').click();
    await page.waitForURL(/#\/runs$/);
    expect((await fetch(`${server.url}/api/runs/${id}`)).status).toBe(404);
  });

  it('compares two safeguards and their combination, with a chart and one row each', async () => {
    await openWorkbench(app, POLL);
    await page.getByTestId('kind-compare').check();
    await page.getByTestId('runs-input').fill('500');
    const chooser = page.getByTestId('safeguard-chooser');
    await chooser.locator('input[value="human-in-the-loop"]').check();
    await chooser.locator('input[value="hotline"]').check();
    await page.getByTestId('combine').check();
    await page.getByTestId('start').click();
    await page.getByTestId('compare-results').waitFor({ timeout: 60_000 });
    const rows = await page.getByTestId('compare-row').locator('th').allTextContents();
    expect(rows.sort()).toEqual(['combined', 'hotline', 'human-in-the-loop']);
    await expect
      .poll(() => page.getByTestId('compare-risk-chart').locator('svg').count(), POLL)
      .toBe(1);
    const cells = await page.getByTestId('compare-row').first().locator('td').allTextContents();
    expect(cells[0]).toMatch(/95% CI/);
    // The other axis of the dilemma: a paired change per safeguard, and the trade-off chart.
    const unanswered = await page.getByTestId('compare-unanswered').allTextContents();
    expect(unanswered).toHaveLength(3);
    for (const cell of unanswered)
      expect(cell).toMatch(/^[+−]?[\d.]+% \([+−]?[\d.]+% to [+−]?[\d.]+%\)$/);
    await expect
      .poll(() => page.getByTestId('compare-tradeoff-chart').locator('svg circle').count(), POLL)
      .toBe(3);
  });

  it('lists the bundled close calls with the mechanism each informs, and filters by it', async () => {
    await page.goto(`${server.url}/#/incidents`);
    await page.getByTestId('incidents-page').waitFor();
    const csv = readFileSync(new URL('../../data/incidents.csv', import.meta.url), 'utf8');
    const total = csv.split('\nCC').length - 1;
    expect(await page.getByTestId('incident-row').count()).toBe(total);
    const options = await page
      .getByTestId('incident-mechanism')
      .locator('option')
      .allTextContents();
    const mechanism = options[1];
    await page.getByTestId('incident-mechanism').selectOption(mechanism);
    const cells = await page.getByTestId('incident-mechanism-cell').allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.length).toBeLessThan(total);
    expect(cells.every((c) => c.startsWith(mechanism))).toBe(true);
  });

  it('marks an invalid field at its line in the editor and lists it', async () => {
    await openWorkbench(app, POLL);
    const editor = page.getByTestId('editor');
    await editor.click();
    await page.keyboard.press('Control+Home');
    const nameLine = await lineOf(page, 'name: Korean peninsula 2026 (stylized)');
    for (let i = 1; i < nameLine; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('bogusField: 3');
    const issue = page.getByTestId('issue').first();
    await issue.waitFor();
    expect(await issue.getAttribute('data-line')).toBe(String(nameLine + 1));
    expect(await issue.textContent()).toContain('bogusField');
    // CodeMirror underlines the offending line itself.
    const marked = page.locator('.cm-line', { has: page.locator('.cm-lintRange-error') });
    await expect.poll(() => marked.first().textContent(), POLL).toBe('bogusField: 3');
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => page.getByTestId('validation-status').textContent(), POLL)
      .toMatch(/^Valid/);
  });

  it('shows the capability panel: per-domain error rates and the binding constraint', async () => {
    await openWorkbench(app, POLL);
    await page.getByTestId('scenario-select').selectOption('korean-peninsula-2026-capability');
    await expect
      .poll(() => page.getByTestId('validation-status').textContent(), POLL)
      .toMatch(/^Valid scenario “Korean peninsula 2026, AI from its training/);
    await page.getByTestId('capability-compute').click();
    const binding = page.getByTestId('binding').first();
    await binding.waitFor();
    expect(await binding.textContent()).toMatch(/Binding constraint: (power|accelerators)/);
  });
});

/** The 1-based line of the editor whose text is `text`, read from the DOM. */
async function lineOf(page: Page, text: string): Promise<number> {
  const lines = await page.locator('.cm-content .cm-line').allTextContents();
  const index = lines.indexOf(text);
  if (index < 0) throw new Error(`no editor line reads ${text}`);
  return index + 1;
}
