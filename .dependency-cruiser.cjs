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
  'analysis',
  'runner',
  'cli',
];
const forbidden = [
  { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  {
    name: 'nothing-imports-cli',
    severity: 'error',
    from: { pathNot: '^src/cli/' },
    to: { path: '^src/cli/' },
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
];
layers.forEach((layer, i) => {
  const higher = layers.slice(i + 1);
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
