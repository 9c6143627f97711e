/** The sensitivity page, the run page's parameter band and its downloads, in real Chromium on the real API. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppPage, type AppPage } from './helpers/app-page.ts';
import { chromiumInstalled } from './helpers/chromium.ts';
import type { TestServer } from './helpers/test-server.ts';

const POLL = { timeout: 30_000 };
const available = chromiumInstalled();
const ANALYTIC = readFileSync(
  join(import.meta.dirname, '..', '..', 'scenarios', 'analytic-single-sensor.yaml'),
  'utf8',
);
const UNCERTAIN = `${ANALYTIC}
uncertainty:
  actors.solo.tracks.ballistic.falseAlarm: { dist: uniform, min: 1, max: 3, assumption: test }
  actors.solo.human.catchProbability: { dist: uniform, min: 0.85, max: 0.95, assumption: test }
`;

// app.test.ts says why Chromium is missing (or fails CI for it); here the tests just do not run.
describe.runIf(available)('studies in the web app', () => {
  let app: AppPage;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    app = await openAppPage({}, 45_000);
    ({ server, page } = app);
  });

  afterAll(() => app?.close());

  /** Starts a run through the API (as the workbench would) and opens its page when done. */
  async function openRun(text: string): Promise<void> {
    const response = await fetch(`${server.url}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'run', scenario: { text }, runs: 20_000 }),
    });
    const { id } = (await response.json()) as { id: string };
    await page.goto(`${server.url}/#/runs/${id}`);
    await page.getByTestId('run-results').waitFor();
  }

  it('draws the tornado and Sobol indices of the Korean scenario, each with intervals', async () => {
    await page.goto(`${server.url}/#/sensitivity`);
    await page.getByTestId('nav-sensitivity').waitFor();
    expect(await page.getByTestId('nav-sensitivity').getAttribute('aria-current')).toBe('page');
    await expect
      .poll(() => page.getByTestId('sensitivity-scenario').inputValue(), POLL)
      .toBe('korean-peninsula-2026');
    await page.getByTestId('sensitivity-runs').fill('200');
    await page.getByTestId('sensitivity-sobol').check();
    await page.getByTestId('sensitivity-base-points').fill('20');
    await page.getByTestId('sensitivity-repetitions').fill('10');
    await page.getByTestId('sensitivity-start').click();
    await page.getByTestId('sensitivity-results').waitFor();
    expect(await page.getByTestId('sensitivity-baseline').textContent()).toMatch(
      /^Baseline P\(nuclear use\) \d+(\.\d+)?% \(95% CI \d+(\.\d+)?%–\d+(\.\d+)?%\), 200 trials per arm, seed 1\.$/,
    );
    // One row per declared parameter (the Korean scenario declares 26), each with paired intervals.
    const rows = page.getByTestId('tornado-table').locator('tbody tr');
    expect(await rows.count()).toBe(26);
    expect(await rows.first().locator('td').last().textContent()).toMatch(
      /^[+−]?[\d.]+ pts \[[+−]?[\d.]+ pts, [+−]?[\d.]+ pts\]$|^0 pts/,
    );
    const tornadoChart = page.getByTestId('tornado-chart');
    await expect.poll(() => tornadoChart.getAttribute('data-ready'), POLL).toBe('true');
    // Two bars (5% and 95% ends) and two whiskers per parameter, in the shared chart spec.
    expect(await tornadoChart.locator('svg g[aria-label="bar"] rect').count()).toBe(52);
    expect(await tornadoChart.locator('svg g[aria-label="rule"] line').count()).toBeGreaterThan(52);
    const sobolRows = page.getByTestId('sobol-table').locator('tbody tr');
    expect(await sobolRows.count()).toBe(26);
    expect(await sobolRows.first().locator('td').first().textContent()).toMatch(
      /^-?[\d.,]+ \[-?[\d.,]+, -?[\d.,]+\]$/,
    );
    const sobolChart = page.getByTestId('sobol-chart');
    await expect.poll(() => sobolChart.getAttribute('data-ready'), POLL).toBe('true');
    expect(await sobolChart.locator('svg g[aria-label="dot"] circle').count()).toBe(52);
  });

  it('names the problem when the scenario declares no uncertain parameters', async () => {
    await page.goto(`${server.url}/#/sensitivity`);
    await expect
      .poll(() => page.getByTestId('sensitivity-scenario').locator('option').count(), POLL)
      .toBeGreaterThan(1);
    await page.getByTestId('sensitivity-scenario').selectOption('analytic-single-sensor');
    await page.getByTestId('sensitivity-start').click();
    await expect
      .poll(() => page.getByTestId('sensitivity-form').textContent(), POLL)
      .toContain('declare uncertain parameters');
  });

  it("studies the editor's text, and a safeguard's risk ratio with its warnings", async () => {
    // The editor holds a scenario no bundled file has: the analytic one with two ranges declared.
    await page.goto(`${server.url}/#/`);
    await expect
      .poll(() => page.getByTestId('validation-status').textContent(), POLL)
      .toMatch(/^Valid/);
    await page.getByTestId('editor').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(UNCERTAIN);
    await expect
      .poll(() => page.getByTestId('editor').textContent(), POLL)
      .toContain('assumption: test');
    await page.getByTestId('nav-sensitivity').click();
    const picker = page.getByTestId('sensitivity-scenario');
    await expect.poll(() => picker.locator('option').first().textContent(), POLL).toMatch(/editor/);
    await picker.selectOption('@editor');
    const ratio = page.getByTestId('sensitivity-ratio');
    await expect
      .poll(() => ratio.locator('option').allTextContents(), POLL)
      .toContain('risk ratio of dual-phenomenology');
    await ratio.selectOption('dual-phenomenology');
    await page.getByTestId('sensitivity-runs').fill('2000');
    await page.getByTestId('sensitivity-sobol').check();
    await page.getByTestId('sensitivity-base-points').fill('20');
    await page.getByTestId('sensitivity-repetitions').fill('50');
    await page.getByTestId('sensitivity-start').click();
    await page.getByTestId('sensitivity-results').waitFor();
    // The bundled analytic file declares no uncertainty: results mean the edited text was studied.
    expect(await page.locator('#tornado-title').textContent()).toBe(
      'Tornado: Analytic single sensor',
    );
    expect(await page.getByTestId('sensitivity-baseline').textContent()).toMatch(
      /^Baseline risk ratio of dual-phenomenology \d\.\d+ \(95% CI \d\.\d+–\d\.\d+\), 2,000 trials per arm with and without it, seed 1\.$/,
    );
    const rows = page.getByTestId('ratio-tornado-table').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().locator('td').last().textContent()).toMatch(
      /^[+−]?[\d.]+ \[[+−]?[\d.]+, [+−]?[\d.]+\]$/,
    );
    const chart = page.getByTestId('tornado-chart');
    await expect.poll(() => chart.getAttribute('data-ready'), POLL).toBe('true');
    expect(await chart.locator('svg g[aria-label="bar"] rect').count()).toBe(4);
    expect(await page.getByTestId('sobol-table').locator('tbody tr').count()).toBe(2);
    // Twenty base points are too few for the bootstrap, and the page says so.
    expect(await page.getByTestId('sensitivity-warnings').textContent()).toContain(
      'only 20 base points',
    );
  });

  it('offers the parameter band on a run whose scenario declares uncertainty, and draws it', async () => {
    await openRun(UNCERTAIN);
    const band = page.getByTestId('uncertainty-band');
    await band.waitFor();
    expect(await band.textContent()).toContain('declares 2 uncertain parameters');
    await page.getByTestId('band-start').click();
    await page.getByTestId('band-chart').waitFor();
    expect(await page.getByTestId('band-summary').textContent()).toMatch(
      /median \d+(\.\d+)?% \(\d+(\.\d+)?%–\d+(\.\d+)?%\); 5–95% band \d+(\.\d+)?% \(.+\) to \d+(\.\d+)?% \(.+\)/,
    );
    const chart = page.getByTestId('band-chart');
    await expect.poll(() => chart.getAttribute('data-ready'), POLL).toBe('true');
    // Every outcome's band, and the run's own interval beside the headline's.
    expect(await chart.locator('svg g[aria-label="dot"]').count()).toBe(2);
  });

  it('shows no band when the scenario declares no uncertainty', async () => {
    await openRun(ANALYTIC);
    await page.waitForLoadState('networkidle');
    // The scenario is validated again for its parameters; none, so no panel.
    await expect.poll(() => page.getByTestId('uncertainty-band').count(), POLL).toBe(0);
    expect(await page.getByTestId('run-results').count()).toBe(1);
  });

  /** Clicks a button that downloads a file, and returns the file's bytes and suggested name. */
  async function downloaded(testId: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(testId).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  }

  it("downloads a run's report and CSV, and each chart as SVG and PNG", async () => {
    await openRun(ANALYTIC);
    const id = decodeURIComponent(page.url().split('/').pop() ?? '');
    const report = await downloaded('download-report');
    expect(report.name).toBe(`petrov-run-${id}.html`);
    const html = report.bytes.toString('utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    const csv = await downloaded('download-csv');
    expect(csv.name).toBe(`petrov-run-${id}.csv`);
    expect(csv.bytes.toString('utf8')).toMatch(/^measure,actor,name,estimate,/);
    const chart = page.getByTestId('cause-chart');
    await expect.poll(() => chart.getAttribute('data-ready'), POLL).toBe('true');
    const svg = await downloaded('cause-chart-svg');
    expect(svg.name).toBe('cause-chart.svg');
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await downloaded('cause-chart-png');
    expect(png.name).toBe('cause-chart.png');
    // The PNG signature, then an image at twice the drawn width.
    expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const drawn = await chart
      .locator('svg')
      .first()
      .evaluate((e) => e.getBoundingClientRect().width);
    expect(png.bytes.readUInt32BE(16)).toBe(Math.ceil(drawn * 2));
  });
});
