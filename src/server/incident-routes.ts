import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { parseIncidents, type Incident } from '../index.ts';

/** The bundled historical close calls (data/incidents.csv), read once, for the web app's page. */
export function incidentRoutes(file: string): Hono {
  let incidents: Incident[] | undefined;
  const api = new Hono();
  api.get('/incidents', (c) => {
    incidents ??= parseIncidents(readFileSync(file, 'utf8'), 'data/incidents.csv');
    return c.json({ incidents });
  });
  return api;
}
