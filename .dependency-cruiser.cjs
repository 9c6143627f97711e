// Imports point one way (docs/architecture.md): lower layers never import higher ones.
// capability (M6) sits below scenario: it is plain numbers in, plain numbers out, and resolving a
// scenario calls it to fill in the AI rates a training block implies.
const layers = [
  'util',
  'random',
  'capability',
  'scenario',
  'engine',
  'estimate',
  // Language-model clients and their recordings: below the agents that use them.
  'llm',
  // Decision-makers sit above the engine's port; the engine never imports them.
  'agents',
  'analysis',
  'runner',
  'store',
  // Exports and reports: tables, CSV and charts over results and stored runs.
  'report',
];
// The two front ends sit on top side by side: each uses the public API (src/index.ts) and the store's index, never the other.
const frontEnds = ['cli', 'server'];
// Chart specs (src/charts: rows in, Observable Plot options out) stand outside the layers: reports
// and the web app both draw from them, so they import only Plot and result types (rule below).
const forbidden = [
  { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ...frontEnds.map((end) => ({
    name: `nothing-imports-${end}`,
    severity: 'error',
    // web/ takes types from the server's index (checked by web-imports-types-and-charts).
    from: { pathNot: `^(src/${end}/|web/)` },
    to: { path: `^src/${end}/` },
  })),
  {
    name: 'front-ends-use-the-public-api',
    comment: 'CLI and server are thin facades: src/index.ts and the store index, nothing deeper.',
    severity: 'error',
    from: { path: `^src/(${frontEnds.join('|')})/` },
    to: { path: `^src/(?!index\\.ts$|store/index\\.ts$|${frontEnds.join('/|')}/)` },
  },
  {
    name: 'engine-is-pure',
    comment: 'The engine knows nothing of YAML, files, HTTP or language models.',
    severity: 'error',
    from: { path: '^src/(engine|random|estimate|util|capability)/' },
    to: {
      path: '(^src/(scenario/load|cli|runner|server|store|llm))|node_modules/yaml|^node:fs|^fs$',
    },
  },
  {
    name: 'charts-stand-alone',
    comment:
      'The web bundle imports src/charts: it may use Observable Plot, itself and types, nothing else.',
    severity: 'error',
    from: { path: '^src/charts/' },
    to: {
      path: '^src/(?!charts/)|node_modules/(?!@observablehq/plot)',
      dependencyTypesNot: ['type-only'],
    },
  },
  {
    name: 'reports-draw-the-charts',
    comment: 'In src only reports render chart specs (the web app is the other user).',
    severity: 'error',
    from: { path: '^src/(?!report/|charts/)' },
    to: { path: '^src/charts/' },
  },
  {
    name: 'web-imports-types-and-charts',
    comment:
      'web/ talks to the server over HTTP: from src it takes types only, and the shared chart specs.',
    severity: 'error',
    from: { path: '^web/' },
    to: { path: '^src/(?!charts/)', dependencyTypesNot: ['type-only'] },
  },
];
layers.forEach((layer, i) => {
  const higher = [...layers.slice(i + 1), ...frontEnds];
  if (higher.length > 0)
    forbidden.push({
      name: `${layer}-imports-downward`,
      severity: 'error',
      from: { path: `^src/${layer}/` },
      to: { path: `^src/(${higher.join('|')})/` },
    });
});
module.exports = {
  forbidden,
  options: { doNotFollow: { path: 'node_modules' }, tsPreCompilationDeps: true },
};
