import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';

/** Shown at `/` when the web app has not been built: how to build it, and where the API is. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Petrov</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 4em auto">
<h1>Petrov</h1>
<p>The web app is not built yet. In the Petrov directory run</p>
<pre>npm run build:web</pre>
<p>and reload this page. The HTTP API is already serving under <a href="api/health">/api</a>
(docs/api.md describes it).</p>
</body></html>
`;

/**
 * The built web app from `dist`: its files, and index.html for any other path without a file
 * extension, so client-side routes survive a reload. Checked per request, so a build made while
 * the server runs is picked up.
 */
export function webApp(dist: string): Hono {
  const app = new Hono();
  const index = join(dist, 'index.html');
  let files: MiddlewareHandler | undefined;
  app.get('*', async (c, next) => {
    if (!existsSync(index)) return c.html(NOT_BUILT_PAGE);
    files ??= serveStatic({ root: dist });
    return files(c, next);
  });
  app.get('*', (c) => {
    if (extname(c.req.path) !== '') return c.text('not found', 404);
    return c.html(readFileSync(index, 'utf8'));
  });
  return app;
}
