/**
 * Runs an analyst can tell apart and take away (issue 18): labels, the default stop at a target
 * relative error, what-ifs in a comparison, a past run's scenario reopened in the editor as a
 * draft that survives a reload and downloads, and the causal chain on a trace page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppPage, openWorkbench, type AppPage } from './helpers/app-page.ts';
import { chromiumInstalled } from './helpers/chromium.ts';
import type { TestServer } from './helpers/test-server.ts';

const POLL = { timeout: 20_000 };

// app.test.ts says when Chromium is missing (and fails where it is required).
describe.runIf(chromiumInstalled())('the workbench in Chromium: labels, what-ifs, drafts', () => {
  let app: AppPage;
  let server: TestServer;
  let page: Page;
  let runUrl = '';

  beforeAll(async () => {
    app = await openAppPage({}, 30_000);
    ({ server, page } = app);
  });

  afterAll(() => app?.close());

  const idOf = (url: string) => decodeURIComponent(url.split('/').pop() ?? '');

  it('stops a run at 5% relative error by default, says so, and lists it under its label', async () => {
    await openWorkbench(app, POLL);
    await page.getByTestId('kind-run').check();
    expect(await page.getByTestId('target-check').isChecked()).toBe(true);
    expect(await page.getByTestId('target-input').inputValue()).toBe('5');
    expect(await page.getByTestId('runs-input').inputValue()).toBe('200000');
    await page.getByTestId('label-input').fill('baseline, default stop');
    await page.getByTestId('start').click();
    await page.waitForURL(/#\/runs\/[^/]+$/);
    await page.getByTestId('run-results').waitFor({ timeout: 60_000 });
    runUrl = page.url();
    const stored = (await (await fetch(`${server.url}/api/runs/${idOf(runUrl)}`)).json()) as {
      label: string;
      result: { stoppedBy: string; runs: number; outcomes: { nuclearUse: { relErr: number } } };
    };
    expect(stored.label).toBe('baseline, default stop');
    expect(stored.result.stoppedBy).toBe('target');
    const rel = (100 * stored.result.outcomes.nuclearUse.relErr).toFixed(1);
    const runs = stored.result.runs.toLocaleString('en-US');
    expect(await page.getByTestId('stop-note').textContent()).toBe(
      `Stopped at ${rel}% relative error after ${runs} trials (target 5.0%).`,
    );
    await page.goto(`${server.url}/#/runs`);
    const row = page.getByTestId('runs-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('baseline, default stop · Korean peninsula 2026');
  });

  it('compares a named what-if, refusing a misspelt field by name first', async () => {
    await openWorkbench(app, POLL);
    await page.getByTestId('kind-compare').check();
    await page.getByTestId('runs-input').fill('500');
    await page.getByTestId('variant-add').click();
    await page.getByTestId('variant-name').fill('trusting');
    await page.getByTestId('variant-changes').fill('actors.north.human.automationBais=0.9');
    await page.getByTestId('start').click();
    const error = page.getByTestId('error');
    await error.waitFor();
    expect(await error.textContent()).toContain(
      "variants.0 (trusting): actors.north.human.automationBais unknown field (did you mean 'automationBias'?)",
    );
    await page.getByTestId('variant-changes').fill('actors.north.human.automationBias=0.9');
    await page.getByTestId('start').click();
    await page.getByTestId('compare-results').waitFor({ timeout: 60_000 });
    const rows = await page.getByTestId('compare-row').locator('th').allTextContents();
    expect(rows).toEqual(['trusting']);
    expect(await page.getByTestId('stop-note').textContent()).toMatch(
      /^(Hit the cap of 500 trials per arm before every risk ratio reached 5\.0%|Stopped once every risk ratio reached 5\.0% relative error)/,
    );
    const stored = (await (await fetch(`${server.url}/api/runs/${idOf(page.url())}`)).json()) as {
      whatIfs: string[];
    };
    expect(stored.whatIfs).toEqual(['trusting: actors.north.human.automationBias=0.9']);
  });

  it("reopens a past run's scenario in the editor as a draft that survives a reload and downloads", async () => {
    await page.goto(runUrl);
    await page.getByTestId('open-in-editor').click();
    const status = page.getByTestId('draft-status');
    await expect
      .poll(() => status.textContent(), POLL)
      .toContain(`Draft from run ${idOf(runUrl)} “baseline, default stop”, kept in this browser`);
    expect(page.url()).toBe(`${server.url}/#/`);
    await expect
      .poll(() => page.getByTestId('editor').textContent(), POLL)
      .toContain('name: Korean peninsula 2026 (stylized)');
    // An edit: a comment on the first line (CodeMirror renders only the lines in view).
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('# reopened and edited');
    await page.keyboard.press('Enter');
    await page.reload();
    await expect
      .poll(() => page.getByTestId('editor').textContent(), POLL)
      .toContain('# reopened and edited');
    expect(await status.textContent()).toContain(`Draft from run ${idOf(runUrl)}`);
    // The download is named for the scenario once the draft has validated.
    await expect
      .poll(() => page.getByTestId('validation-status').textContent(), POLL)
      .toMatch(/^Valid/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-yaml').click(),
    ]);
    expect(download.suggestedFilename()).toBe('korean-peninsula-2026-stylized.yaml');
    const saved = readFileSync((await download.path()) ?? '', 'utf8');
    expect(saved).toContain('name: Korean peninsula 2026 (stylized)');
    expect(saved.startsWith('# reopened and edited\n# Korean peninsula 2026')).toBe(true);
    await page.getByTestId('discard-draft').click();
    await expect.poll(() => status.count(), POLL).toBe(0);
    await page.reload();
    await expect
      .poll(() => page.getByTestId('validation-status').textContent(), POLL)
      .toMatch(/^Valid/);
    expect(await page.getByTestId('editor').textContent()).not.toContain('# reopened');
  });

  it("summarises a trial's causal chain at the top of its trace page, as the API has it", async () => {
    await page.goto(runUrl);
    await page.getByTestId('trace-link').first().click();
    await page.waitForURL(/\/trace\/\d+$/);
    const chain = page.getByTestId('causal-chain');
    await chain.waitFor();
    const steps = await chain.locator('li').allTextContents();
    const trial = page.url().split('/').pop();
    const trace = (await (
      await fetch(`${server.url}/api/runs/${idOf(runUrl)}/trace?trial=${trial}`)
    ).json()) as { chain: string[] };
    expect(steps).toEqual(trace.chain);
    expect(steps.at(-1)).toMatch(/: limited nuclear use, day \d+\.\d\d$/);
  });
});
