import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/tabletop/index.ts';
import { CHROMIUM, browserRequired, chromiumInstalled, launchBrowser } from './helpers/chromium.ts';
import { startTestServer, type TestServer } from './helpers/test-server.ts';

const POLL = { timeout: 20_000 };
const available = chromiumInstalled();
if (!available && browserRequired()) {
  describe('tabletop browser tests', () => {
    it('need Chromium (CI or PETROV_REQUIRE_BROWSER is set)', () => {
      throw new Error(`Chromium not found at ${CHROMIUM}`);
    });
  });
}

/**
 * A facilitator and players, each in a Chromium context of their own, against the real server;
 * the tabletop's clock is the test's, so a window closes when the test says, never by waiting.
 */
describe.runIf(available)('tabletop exercise in Chromium', () => {
  const clock = new ManualClock();
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startTestServer({ tabletopClock: clock, limits: { concurrentRuns: 2 } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  async function person(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }

  /** The facilitator sets up an exercise with both Korean sides played by people. */
  async function setUp(
    facilitator: Page,
    label: string,
    trial: number,
    className?: string,
  ): Promise<Record<string, string>> {
    await facilitator.goto(`${server.url}/#/exercises`);
    await facilitator.getByTestId('exercise-label').fill(label);
    if (className !== undefined) await facilitator.getByTestId('exercise-class').fill(className);
    await expect.poll(() => facilitator.getByTestId('person-south').isChecked(), POLL).toBe(true);
    await facilitator.getByTestId('exercise-trial').fill(String(trial));
    await facilitator.getByTestId('exercise-compression').fill('60');
    await facilitator.getByTestId('create-exercise').click();
    await facilitator.waitForURL(/#\/exercises\/\d+$/);
    const links: Record<string, string> = {};
    for (const actor of ['north', 'south']) {
      links[actor] = await facilitator.getByTestId(`join-link-${actor}`).inputValue();
    }
    return links;
  }

  async function join(page: Page, link: string, name: string): Promise<void> {
    await page.goto(link);
    await page.getByTestId('join-name').fill(name);
    await page.getByTestId('join').click();
    await expect.poll(() => page.getByTestId('player-name').textContent(), POLL).toBe(name);
    // The token left the address bar: a reload keeps the seat from the tab's storage.
    expect(page.url()).toMatch(/#\/play$/);
  }

  /** Answers whatever is asked of this page's side: veto an alert, hold otherwise. */
  async function answerIfAsked(page: Page): Promise<boolean> {
    const question = page.getByTestId('question');
    if (!(await question.isVisible())) return false;
    const veto = page.getByTestId('choice-veto');
    await ((await veto.isVisible()) ? veto : page.getByTestId('choice-hold')).click();
    return true;
  }

  const status = (page: Page) => page.getByTestId('exercise-status').textContent();

  it('a facilitator and two players play an exercise to its end, and the debrief shows every decision', async () => {
    const facilitator = await person();
    const links = await setUp(facilitator, 'Tuesday group', 10, 'ir-101');
    const ada = await person();
    const bo = await person();
    await join(ada, links.north, 'Ada');
    await join(bo, links.south, 'Bo');
    await expect
      .poll(() => facilitator.getByTestId('player-north').textContent(), POLL)
      .toBe('Ada');
    await expect.poll(() => facilitator.getByTestId('player-south').textContent(), POLL).toBe('Bo');
    await facilitator.getByTestId('start-exercise').click();
    // Trial 10 opens with an alert for the north: Ada sees it, Bo sees nothing of it.
    await ada.getByTestId('question').waitFor();
    expect(await ada.getByTestId('track').textContent()).toMatch(/labelled hostile/);
    expect(await bo.getByTestId('question').count()).toBe(0);
    for (let i = 0; i < 200; i++) {
      const [a, b] = await Promise.all([status(ada), status(bo)]);
      if (a === 'done' && b === 'done') break;
      if (!(await answerIfAsked(ada)) && !(await answerIfAsked(bo))) await ada.waitForTimeout(100);
    }
    expect(await status(ada)).toBe('done');
    await bo.getByTestId('outcome').waitFor();
    expect(await ada.getByTestId('answer-row').count()).toBeGreaterThan(0);
    await expect.poll(() => status(facilitator), POLL).toBe('done');
    await facilitator.getByTestId('debrief').waitFor();
    const rows = facilitator.getByTestId('debrief-player');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    // Each player's decision has the doctrine's alternative beside it.
    const doctrine = await facilitator.getByTestId('debrief-doctrine').allTextContents();
    expect(
      doctrine.every((d) => /^(approve|veto|defer|match|escalate|hold|deescalate|act)$/.test(d)),
    ).toBe(true);
    // The class view: this exercise, its players' decisions and times, use against the agents'.
    await facilitator.getByTestId('class-link').click();
    await facilitator.getByTestId('class-page').waitFor();
    expect(await facilitator.getByTestId('class-exercises').textContent()).toBe(
      '1 of 1 exercises played to their end.',
    );
    expect(await facilitator.getByTestId('class-late').textContent()).toMatch(
      /^[\d.]+% \(95% CI [\d.]+–[\d.]+%\) of \d+$/,
    );
    expect(await facilitator.getByTestId('class-use').textContent()).toMatch(/95% CI/);
    await expect
      .poll(() => facilitator.getByTestId('class-times-chart').locator('svg circle').count(), POLL)
      .toBeGreaterThanOrEqual(2);
  });

  it('a player who reloads mid-exercise rejoins the seat and the open question', async () => {
    const facilitator = await person();
    const links = await setUp(facilitator, 'reload', 10);
    const ada = await person();
    await join(ada, links.north, 'Ada');
    await facilitator.getByTestId('start-exercise').click();
    await ada.getByTestId('question').waitFor();
    const before = await ada.getByTestId('track').textContent();
    await ada.reload();
    await ada.getByTestId('question').waitFor();
    expect(await ada.getByTestId('player-name').textContent()).toBe('Ada');
    expect(await ada.getByTestId('seat-actor').textContent()).toBe('north');
    expect(await ada.getByTestId('track').textContent()).toBe(before);
    await ada.getByTestId('choice-veto').click();
    await ada.getByTestId('answer-row').first().waitFor();
    expect(await ada.getByTestId('answer-row').first().textContent()).toContain('veto');
    await facilitator.getByTestId('stop-exercise').click();
    await expect.poll(() => status(facilitator), POLL).toBe('failed');
  });

  it('a decision not made in time falls to the doctrine default, marked so', async () => {
    const facilitator = await person();
    const links = await setUp(facilitator, 'late', 10);
    const ada = await person();
    await join(ada, links.north, 'Ada');
    await facilitator.getByTestId('start-exercise').click();
    await ada.getByTestId('question').waitFor();
    // The window closes on the tabletop's clock (60× compression: a model minute per second).
    clock.advance(60 * 60 * 1000);
    await ada.getByTestId('late').first().waitFor();
    expect(await ada.getByTestId('answer-row').first().textContent()).toContain('defer');
    await facilitator.getByTestId('stop-exercise').click();
    await expect.poll(() => status(facilitator), POLL).toBe('failed');
  });

  it("a third student's run waits in the queue with its place instead of failing", async () => {
    const students = [await person(), await person(), await person()];
    for (const page of students) {
      await page.goto(`${server.url}/#/`);
      await expect
        .poll(() => page.getByTestId('validation-status').textContent(), POLL)
        .toMatch(/^Valid/);
      await page.getByTestId('kind-run').check();
      // A fixed count: a run stopping at the default target would end before the queue shows.
      await page.getByTestId('target-check').uncheck();
      await page.getByTestId('runs-input').fill('2000000');
      await page.getByTestId('start').click();
      await page.waitForURL(/#\/runs\/[^/]+$/);
    }
    await students[2].getByTestId('queue-position').waitFor();
    expect(await students[2].getByTestId('queue-position').textContent()).toContain('position 1');
    expect(await students[0].getByTestId('queue-position').count()).toBe(0);
    // The first student cancels: the third's run starts and its place leaves the page.
    await students[0].getByTestId('cancel').click();
    await expect.poll(() => students[2].getByTestId('queue-position').count(), POLL).toBe(0);
    for (const page of students.slice(1)) await page.getByTestId('cancel').click();
    for (const page of students) {
      await expect.poll(() => page.getByTestId('run-status').textContent(), POLL).toBe('cancelled');
    }
  });
});
