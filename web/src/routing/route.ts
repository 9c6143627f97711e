/** The app's pages as hash routes, so every view (a run, a trace) can be shared by URL. */
export type Route =
  /** `run`: a past run whose scenario to open in the editor (`#/?run=ID`). */
  | { readonly page: 'workbench'; readonly run?: string }
  | { readonly page: 'runs' }
  | { readonly page: 'sensitivity' }
  | { readonly page: 'game' }
  | { readonly page: 'run'; readonly id: string }
  | { readonly page: 'exercises' }
  | { readonly page: 'exercise'; readonly id: string }
  | { readonly page: 'play' }
  | { readonly page: 'class'; readonly name: string }
  | { readonly page: 'incidents' }
  | {
      readonly page: 'trace';
      readonly id: string;
      readonly trial: number;
      readonly safeguards: readonly string[];
    };

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'sensitivity') return { page: 'sensitivity' };
  if (parts[0] === 'play') return { page: 'play' };
  if (parts[0] === 'exercises') {
    return parts.length > 1 ? { page: 'exercise', id: parts[1] } : { page: 'exercises' };
  }
  if (parts[0] === 'game') return { page: 'game' };
  if (parts[0] === 'incidents') return { page: 'incidents' };
  if (parts[0] === 'classes' && parts.length > 1) return { page: 'class', name: parts[1] };
  if (parts[0] !== 'runs') {
    const run = new URLSearchParams(query).get('run');
    return run !== null && /^\d+$/.test(run) ? { page: 'workbench', run } : { page: 'workbench' };
  }
  if (parts.length === 1) return { page: 'runs' };
  const id = parts[1];
  if (parts[2] === 'trace' && /^\d+$/.test(parts[3] ?? '')) {
    const safeguards = new URLSearchParams(query).get('safeguards');
    return {
      page: 'trace',
      id,
      trial: Number(parts[3]),
      safeguards: safeguards ? safeguards.split(',').filter(Boolean) : [],
    };
  }
  return { page: 'run', id };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'workbench':
      return route.run === undefined ? '#/' : `#/?run=${encodeURIComponent(route.run)}`;
    case 'runs':
      return '#/runs';
    case 'sensitivity':
      return '#/sensitivity';
    case 'game':
      return '#/game';
    case 'run':
      return `#/runs/${encodeURIComponent(route.id)}`;
    case 'exercises':
      return '#/exercises';
    case 'exercise':
      return `#/exercises/${encodeURIComponent(route.id)}`;
    case 'play':
      return '#/play';
    case 'incidents':
      return '#/incidents';
    case 'class':
      return `#/classes/${encodeURIComponent(route.name)}`;
    case 'trace': {
      const base = `#/runs/${encodeURIComponent(route.id)}/trace/${route.trial}`;
      return route.safeguards.length > 0
        ? `${base}?safeguards=${route.safeguards.map(encodeURIComponent).join(',')}`
        : base;
    }
  }
}
