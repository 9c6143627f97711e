/** A report opened from a file:// URL in Chromium shows every chart and asks the network for nothing. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { chromiumInstalled, launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';

const dir = mkdtempSync(join(tmpdir(), 'petrov-report-browser-'));

/** app.test.ts says why Chromium is missing (or fails CI for it); here the tests just do not run. */
describe.runIf(chromiumInstalled())('report in Chromium from file://', () => {
  let chromium: LaunchedBrowser;
  beforeAll(async () => {
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['run', ['run', 'scenarios/korean-peninsula-2026.yaml', '--runs', '1000']],
    [
      'compare',
      [
        'compare',
        'scenarios/korean-peninsula-2026.yaml',
        '--runs',
        '1000',
        '--safeguard',
        'hotline',
        '--safeguard',
        'de-alerting',
      ],
    ],
  ])(
    '%s: every chart is drawn and visible, with no request beyond the file',
    async (kind, args) => {
      const db = join(dir, `${kind}.db`);
      const stored = await cli(...args, '--db', db);
      const id = /stored as run (\d+)/.exec(stored.err)?.[1] ?? '';
      const report = await cli('report', id, '--db', db);
      expect(report.code).toBe(0);
      const file = join(dir, `${kind}.html`);
      writeFileSync(file, report.out);
      const url = pathToFileURL(file).href;

      const page = await chromium.context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(url, { waitUntil: 'load' });
      const figures = page.locator('figure.chart');
      const count = await figures.count();
      expect(count).toBe(kind === 'run' ? 4 : 6);
      for (let i = 0; i < count; i++) {
        const svg = figures.nth(i).locator('svg').first();
        await expect.poll(() => svg.isVisible()).toBe(true);
        const box = await svg.boundingBox();
        expect(box?.width).toBeGreaterThan(300);
        expect(box?.height).toBeGreaterThan(60);
        // Drawn marks, not an empty frame: dots with their whiskers.
        expect(await figures.nth(i).locator('svg circle').count()).toBeGreaterThan(0);
      }
      await expect.poll(() => page.getByTestId('headline').textContent()).toMatch(/95% CI/);
      expect(requests).toEqual([url]);
      await page.close();
    },
  );

  it('--pdf prints it through Chromium', async () => {
    const pdf = join(dir, 'analytic.pdf');
    const result = await cli(
      'report',
      'scenarios/analytic-single-sensor.yaml',
      '--runs',
      '1000',
      '--out',
      join(dir, 'analytic.html'),
      '--pdf',
      pdf,
    );
    expect(result.code).toBe(0);
    expect(result.err).toContain(`wrote ${pdf}`);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('a study report (sensitivity with Sobol) shows its charts from file:// with no request', async () => {
    const file = join(dir, 'sensitivity.html');
    const study = await cli(
      'sensitivity',
      'scenarios/analytic-single-sensor.yaml',
      '--uncertain',
      'actors.solo.tracks.ballistic.falseAlarm=uniform(1, 3)',
      '-n',
      '500',
      '--sobol',
      '--base-points',
      '10',
      '--repetitions',
      '10',
      '--report',
      file,
    );
    expect(study.code).toBe(0);
    const url = pathToFileURL(file).href;
    const page = await chromium.context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: 'load' });
    const figures = page.locator('figure.chart');
    expect(await figures.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const box = await figures.nth(i).locator('svg').first().boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(box?.height).toBeGreaterThan(60);
    }
    expect(await figures.nth(0).locator('svg rect').count()).toBe(2);
    expect(await figures.nth(1).locator('svg circle').count()).toBe(2);
    expect(requests).toEqual([url]);
    await page.close();
  });
});
