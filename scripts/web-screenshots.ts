/**
 * `npm run docs:screenshots`: starts the API and web app on a temp database, drives the app in
 * Chromium and writes docs/screenshots/results.png, trace.png and compare.png for the README.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/browser/helpers/chromium.ts';
import { startTestServer } from '../test/browser/helpers/test-server.ts';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
/** Enough trials for intervals that read well, few enough to finish in about half a minute. */
const RUN_TRIALS = '20000';
const COMPARE_TRIALS = '4000';

/** Screenshot of the page from its top to the bottom of `testId`'s element. */
async function shootDownTo(page: Page, testId: string, file: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not visible`);
  const scroll = await page.evaluate(() => window.scrollY);
  const height = Math.ceil(box.y + scroll + box.height + 16);
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
  console.log(`wrote ${file}`);
}

async function startFromWorkbench(
  page: Page,
  url: string,
  kind: 'run' | 'compare',
  trials: string,
) {
  await page.goto(`${url}/#/`);
  await page
    .getByTestId('validation-status')
    .filter({ hasText: /^Valid/ })
    .waitFor();
  await page.getByTestId(`kind-${kind}`).check();
  await page.getByTestId('runs-input').fill(trials);
  await page.getByTestId('start').click();
}

const server = await startTestServer();
const chromium = await launchChromium({ width: 1280, height: 900 });
try {
  mkdirSync(OUT, { recursive: true });
  const page = await chromium.context.newPage();
  page.setDefaultTimeout(120_000);

  await startFromWorkbench(page, server.url, 'run', RUN_TRIALS);
  await page.getByTestId('run-results').waitFor();
  await page.getByTestId('rung-chart').locator('svg').first().waitFor();
  await shootDownTo(page, 'rung-chart', join(OUT, 'results.png'));

  await page.getByTestId('trace-link').first().click();
  await page.getByTestId('rung-path').locator('svg').first().waitFor();
  await shootDownTo(page, 'rung-path', join(OUT, 'trace.png'));

  await startFromWorkbench(page, server.url, 'compare', COMPARE_TRIALS);
  await page.getByTestId('compare-results').waitFor();
  await page.getByTestId('compare-ratio-chart').locator('svg').first().waitFor();
  await shootDownTo(page, 'compare-table', join(OUT, 'compare.png'));
} finally {
  await chromium.close();
  await server.close();
}
