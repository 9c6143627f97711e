import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS, CHROMIUM_PATH as CHROMIUM, InputError } from '../index.ts';

/** Prints HTML to a PDF file through Chromium (playwright-core drives it; it downloads nothing). */
export async function printPdf(html: string, file: string): Promise<void> {
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new InputError([
      { path: '--pdf', message: 'needs the playwright-core package (npm install playwright-core)' },
    ]);
  }
  const profile = mkdtempSync(join(tmpdir(), 'petrov-pdf-'));
  try {
    const context = await chromium
      .launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: [...CHROMIUM_FLAGS],
      })
      .catch((error: unknown) => {
        const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new InputError([
          { path: '--pdf', message: `cannot start Chromium at ${CHROMIUM}: ${why}` },
        ]);
      });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.pdf({
        path: file,
        format: 'A4',
        printBackground: true,
        margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
      });
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
