/**
 * A language model in a side's chair from the web app, in real Chromium on the real API: the run
 * form's picker gives the North to the server's model (the stand-in test endpoint), the run page
 * shows the failure figures and bounds, and the trace page the model's stated reasons.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverLlm } from '../../src/server/index.ts';
import {
  startChatEndpoint,
  type ChatEndpoint,
  type ChatRequestBody,
  type EndpointAnswer,
} from '../helpers/chat-endpoint.ts';
import { scriptedModel } from '../helpers/scripted-model.ts';
import { openAppPage, type AppPage } from './helpers/app-page.ts';
import { chromiumInstalled } from './helpers/chromium.ts';
import type { TestServer } from './helpers/test-server.ts';

const POLL = { timeout: 60_000 };
const available = chromiumInstalled();
const PERCENT_CI = /\d+(\.\d+)?% \(95% CI \d+(\.\d+)?–\d+(\.\d+)?%\)/;

/** The stand-in model, answering prose instead of JSON about one situation in three. */
function sometimesProse(body: ChatRequestBody): EndpointAnswer {
  const user = body.messages[body.messages.length - 1].content;
  const h = createHash('sha256').update(user).digest().readUInt8(0);
  return h % 3 === 0 ? { content: 'I would hold, I think.' } : scriptedModel(body);
}

// app.test.ts says why Chromium is missing (or fails CI for it); here the tests just do not run.
describe.runIf(available)('a side played by a language model in the web app', () => {
  let model: ChatEndpoint;
  let app: AppPage;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    model = await startChatEndpoint((body) => sometimesProse(body));
    app = await openAppPage(
      { llm: serverLlm({ url: model.url, model: 'stand-in', maxCalls: 20_000 }) },
      60_000,
    );
    ({ server, page } = app);
  });

  afterAll(async () => {
    await app?.close();
    await model?.close();
  });

  it('picks the model for the North in the run form and shows its failure figures', async () => {
    await page.goto(`${server.url}/#/`);
    await expect
      .poll(() => page.getByTestId('validation-status').textContent(), POLL)
      .toMatch(/^Valid/);
    const picker = page.getByTestId('agent-north');
    await picker.waitFor();
    expect(await picker.locator('option').allTextContents()).toEqual([
      'as the scenario says (doctrine)',
      'doctrine (its human and authority model)',
      'language model (its elicited policy)',
    ]);
    expect(await page.getByTestId('agent-model').textContent()).toContain('stand-in');
    await picker.selectOption('llm');
    await page.getByTestId('kind-run').check();
    await page.getByTestId('runs-input').fill('500');
    await page.getByTestId('start').click();
    await page.waitForURL(/#\/runs\/[^/]+$/);
    await page.getByTestId('run-results').waitFor();
    expect(await page.getByTestId('run-status').textContent()).toBe('done');
    const llm = page.getByTestId('llm-results');
    expect(await llm.textContent()).toContain('north played by a language model (stand-in)');
    expect(await page.getByTestId('llm-p').textContent()).toMatch(PERCENT_CI);
    expect(await page.getByTestId('llm-bound-restraint').textContent()).toMatch(PERCENT_CI);
    expect(await page.getByTestId('llm-bound-escalation').textContent()).toMatch(PERCENT_CI);
    expect(await page.getByTestId('llm-failure-rate').textContent()).toMatch(PERCENT_CI);
    // Prose instead of JSON is counted as invalid JSON, in the calls and in the attempts.
    const invalid = page.getByTestId('llm-outcomes').locator('tr', { hasText: 'invalid json' });
    const [calls, attempts] = (await invalid.locator('td').allTextContents()).map((t) =>
      Number(t.replaceAll(',', '')),
    );
    expect(calls).toBeGreaterThan(0);
    expect(attempts).toBe(3 * calls);
    expect(model.requests.length).toBeGreaterThan(0);
  });

  it('shows the model’s stated reason at each of its decisions in a trace', async () => {
    // The first trial in which the model answered a decision of the North's itself.
    const id = decodeURIComponent(page.url().split('/').pop() ?? '');
    let trial = 0;
    for (; trial < 200; trial++) {
      const trace = (await (
        await fetch(`${server.url}/api/runs/${id}/trace?trial=${trial}`)
      ).json()) as { decisions: { actor: string; reason: string }[] };
      if (trace.decisions.some((d) => d.reason.startsWith('the stand-in model chose'))) break;
    }
    expect(trial).toBeLessThan(200);
    await page.goto(`${server.url}/#/runs/${id}/trace/${trial}`);
    const reasons = page.getByTestId('decision-reasons');
    await reasons.waitFor();
    expect(await reasons.textContent()).toMatch(/north, \w+: .+ — the stand-in model chose/);
  });
});
